using System.Globalization;
using NormBot.Norms.Feedback;
using NormBot.Protocols;
using NormBot.Protocols.Commands;
using NormBot.Slack;
using NormBot.Slack.Blocks;
using NormBot.Slack.Channels;
using NormBot.Slack.Api;
using NormBot.Slack.Events;
using Quartz;

namespace NormBot.Digests;

/// <summary>The <c>digest</c> and <c>stats</c> subcommands of <c>/norms</c>.</summary>
public sealed partial class DigestCommands(
    DigestScheduleStore store,
    DigestScheduler scheduler,
    DigestService digests,
    DigestReporter reporter,
    NudgeFeedbackStore feedback,
    ProtocolService protocols,
    TimeProvider time,
    ILogger<DigestCommands> logger)
{
    public const string StatsTitle = "Response-time stats";

    /// <summary>Answers <see cref="DigestScheduleCommand"/>, <see cref="DigestOffCommand"/>, <see cref="DigestNowCommand"/> and <see cref="StatsCommand"/>.</summary>
    public Task<NormsReply> HandleAsync(NormsCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        return command switch
        {
            DigestScheduleCommand schedule => ScheduleAsync(schedule, invocation, ct),
            DigestOffCommand off => OffAsync(off, invocation, ct),
            DigestNowCommand now => NowAsync(now, invocation, ct),
            StatsCommand stats => StatsAsync(stats, invocation, ct),
            _ => Task.FromResult(new NormsReply($"`/norms {command.Name}` is not a digest or stats command.")),
        };
    }

    /// <summary>One line per digest schedule of the team, for <c>/norms show</c>.</summary>
    public async Task<IReadOnlyList<string>> ScheduleLinesAsync(string teamId, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var row in await store.ForTeamAsync(teamId, ct))
        {
            var next = await scheduler.NextFireAsync(teamId, row.TargetChannelId, ct);
            lines.Add(Describe(row) + (next is { } at ? $"; next {SlackDate.Format(at)}" : "; not scheduled in Quartz, set it again"));
        }

        return lines;
    }

    private async Task<NormsReply> ScheduleAsync(DigestScheduleCommand command, SlashCommand invocation, CancellationToken ct)
    {
        if (Unresolved(command.Target, command.Channels) is { } problem)
        {
            return problem;
        }

        var zone = (await protocols.GetAsync(invocation.TeamId, null, ct)).TimeZone;
        var row = new DigestScheduleRow(
            invocation.TeamId,
            command.Target.Id!,
            command.Schedule.Frequency.ToString().ToLowerInvariant(),
            command.Schedule.CronExpression,
            command.Schedule.Description,
            zone.Id,
            DigestChannels.Join(command.Channels.Select(c => c.Id!)),
            invocation.UserId,
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            command.Live ? 1 : 0);
        var previous = await store.FindAsync(invocation.TeamId, row.TargetChannelId, ct);

        DateTimeOffset? next;
        try
        {
            // Quartz first: if the trigger is refused (a cron that never fires again), nothing is saved.
            next = await scheduler.ScheduleAsync(row, zone, ct);
        }
        catch (SchedulerException ex)
        {
            LogRefused(logger, row.CronExpression, ex);
            return new NormsReply($"Quartz refused that schedule ({command.Schedule.Description}): {ex.Message.TrimEnd('.')}. Nothing was changed.", null);
        }

        await store.SaveAsync(row, previous?.Description, ct);
        var replaced = previous is null ? string.Empty : $" It replaces the previous schedule ({previous.Description}).";
        var when = next is { } at ? $" The first one comes {SlackDate.Format(at)}." : string.Empty;
        return new NormsReply($"Scheduled: {Describe(row)}.{when}{replaced}");
    }

    private async Task<NormsReply> OffAsync(DigestOffCommand command, SlashCommand invocation, CancellationToken ct)
    {
        if (Unresolved(command.Target, []) is { } problem)
        {
            return problem;
        }

        var target = command.Target.Id!;
        var unscheduled = await scheduler.UnscheduleAsync(invocation.TeamId, target, ct);
        var deleted = await store.DeleteAsync(invocation.TeamId, target, invocation.UserId, ct);
        return new NormsReply(unscheduled || deleted
            ? $"Stopped the digest to <#{target}>."
            : $"There was no digest scheduled for <#{target}>; nothing changed.");
    }

    private async Task<NormsReply> NowAsync(DigestNowCommand command, SlashCommand invocation, CancellationToken ct)
    {
        if (Unresolved(command.Target, command.Channels) is { } problem)
        {
            return problem;
        }

        var target = command.Target.Id!;
        var schedule = await store.FindAsync(invocation.TeamId, target, ct);
        var channels = command.Channels.Count > 0 ? command.Channels.Select(c => c.Id!).ToList() : schedule?.ChannelIds ?? [];
        try
        {
            await digests.PostAsync(invocation.TeamId, target, channels, DigestService.DefaultPeriod(schedule?.Frequency), ct);
        }
        catch (SlackApiException ex)
        {
            return new NormsReply(ex.Error is "not_in_channel" or "channel_not_found"
                ? $"I can't post in <#{target}> ({ex.Error}). Invite me there with `/invite @NormBot`, then try again."
                : $"Slack refused the digest for <#{target}> ({ex.Error}); try again in a minute.");
        }

        return new NormsReply($"Posted a digest to <#{target}>.");
    }

    private async Task<NormsReply> StatsAsync(StatsCommand command, SlashCommand invocation, CancellationToken ct)
    {
        if (command.Channel is { IsResolved: false } unresolved)
        {
            return UnresolvedReply(unresolved);
        }

        IReadOnlyList<string> channels = command.Channel is { } channel ? [channel.Id!] : [];
        var to = time.GetUtcNow();
        var report = await reporter.BuildAsync(invocation.TeamId, channels, to.AddDays(-command.PeriodDays), to, QuoteAudience.Person(invocation.UserId), ct);
        var title = string.Create(CultureInfo.InvariantCulture, $"{StatsTitle}, last {command.PeriodDays} days");

        // Each rule's nudges and "not helpful" rate per channel, so a rule that misfires somewhere is visible (PRODUCT §13).
        var rates = await feedback.RatesAsync(invocation.TeamId, channels, to.AddDays(-command.PeriodDays), to, ct);
        return new NormsReply(
            DigestBlocks.Fallback(report, title) + "\n" + NudgeFeedbackBlocks.Fallback(rates),
            [.. DigestBlocks.Render(report, title), new DividerBlock(), .. NudgeFeedbackBlocks.Render(rates)]);
    }

    private static NormsReply? Unresolved(SlackRef target, IReadOnlyList<SlackRef> channels) =>
        new[] { target }.Concat(channels).FirstOrDefault(c => !c.IsResolved) is { } first ? UnresolvedReply(first) : null;

    // HandTypedNames already looked hand-typed names up; one left without an id names no channel NormBot can see.
    private static NormsReply UnresolvedReply(SlackRef channel) =>
        new($"I can't find a channel called {channel} that NormBot can see (invite it to a private channel first), or pick it from Slack's suggestions as you type #.");

    private static string Describe(DigestScheduleRow row)
    {
        var covers = row.ChannelIds.Count == 0 ? "all tracked channels" : string.Join(" ", row.ChannelIds.Select(c => $"<#{c}>"));
        var live = row.IsLive ? ", live (one message, updated in place)" : "";
        return $"digest to <#{row.TargetChannelId}> {row.Description} ({row.TimeZone}){live} covering {covers}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quartz refused digest cron {Cron}")]
    private static partial void LogRefused(ILogger logger, string cron, Exception exception);
}
