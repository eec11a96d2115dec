using NormBot.Slack;
using NormBot.Slack.Events;

namespace NormBot.Protocols.Commands;

/// <summary>
/// <c>snooze &lt;duration&gt;|off</c>: pause your own nudges. The pause counts wall-clock time (1d = 24 hours),
/// unlike response times, because "snooze 1d" reads as "until this time tomorrow"; the reply says so.
/// </summary>
public sealed class SnoozeCommands(SnoozeStore snoozes, TimeProvider time)
{
    public async Task<NormsReply> SnoozeAsync(SnoozeCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        var length = TimeSpan.FromDays(command.Duration.WorkingDays) + command.Duration.Time;
        var until = time.GetUtcNow() + length;
        await snoozes.SetAsync(invocation.TeamId, invocation.UserId, until, ct);
        return new NormsReply(
            $"Your nudges are paused for {command.Duration} of clock time (a day here is 24 hours), until {SlackDate.Format(until)}. `/norms snooze off` resumes them.");
    }

    public async Task<NormsReply> ResumeAsync(SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var was = await snoozes.UntilAsync(invocation.TeamId, invocation.UserId, ct);
        await snoozes.ClearAsync(invocation.TeamId, invocation.UserId, ct);
        return was is { } until && until > time.GetUtcNow()
            ? new NormsReply("Snooze off: your nudges are back on.")
            : new NormsReply("You were not snoozed; your nudges are on.");
    }
}
