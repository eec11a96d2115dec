using NormBot.Protocols.Commands;
using NormBot.Slack.Events;

namespace NormBot.Digests;

/// <summary>The <c>digest</c> and <c>stats</c> subcommands of <c>/norms</c>.</summary>
public sealed class DigestCommands
{
    /// <summary>Answers <see cref="DigestScheduleCommand"/>, <see cref="DigestOffCommand"/>, <see cref="DigestNowCommand"/> and <see cref="StatsCommand"/>.</summary>
    public Task<NormsReply> HandleAsync(NormsCommand command, SlashCommand invocation, CancellationToken ct) =>
        Task.FromResult(new NormsReply($"`/norms {command.Name}` is coming soon: digests and response-time stats arrive with the scheduled-work release."));

    /// <summary>One line per digest schedule of the team, for <c>/norms show</c>.</summary>
    public Task<IReadOnlyList<string>> ScheduleLinesAsync(string teamId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
