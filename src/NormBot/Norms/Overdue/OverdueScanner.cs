using Microsoft.Extensions.Options;
using NormBot.Norms.Asks;
using NormBot.Norms.Nudges;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Slack.Outbox;
using NormBot.Slack.Users;

namespace NormBot.Norms.Overdue;

/// <summary>Finds asks past due or past escalation and sends the reminder or the escalation, once each.</summary>
public sealed class OverdueScanner(
    OverdueStore store, AskStore asks, ProtocolService protocols, UserDirectory users, Nudger nudger, ISlackApi slack,
    LeaderStore leaders, IOptions<NormsOptions> options, TimeProvider time)
{
    /// <summary>One pass; returns how many reminders and escalations it sent. Cost follows open asks, not history.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var reminder in await store.DueRemindersAsync(now, ct))
        {
            sent += await RemindAsync(reminder, now, ct) ? 1 : 0;
        }

        foreach (var (teamId, channelId, ts) in await store.DueEscalationsAsync(now, ct))
        {
            sent += await EscalateAsync(teamId, channelId, ts, now, ct) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> RemindAsync(DueReminder r, DateTimeOffset now, CancellationToken ct)
    {
        var protocol = await protocols.GetAsync(r.TeamId, r.ChannelId, ct);
        var schedule = protocol.ScheduleIn(await users.TimeZoneAsync(r.TeamId, r.UserId, ct));
        if (!WorkingTime.IsWorkingTime(now, schedule))
        {
            // Direct messages wait for the recipient's working hours (PRODUCT §5).
            await store.HoldUntilAsync(r, WorkingTime.NextWorkingStart(now, schedule), ct);
            return false;
        }

        var waited = WaitedFor.Format(WorkingTime.WorkingTimeBetween(DateTimeOffset.FromUnixTimeMilliseconds(r.OpenedAt), now, schedule));
        var (text, blocks) = NudgeMessages.Overdue(r.AskerId, r.ChannelId, r.Ts, r.Excerpt, waited, await slack.PermalinkOrNullAsync(r.ChannelId, r.Ts, ct));
        var nudge = new Nudge(r.TeamId, r.UserId, Nudge.Overdue, r.ChannelId, r.Ts, $"overdue:{r.ChannelId}:{r.Ts}:{r.UserId}:{r.RemindAt}",
            OutboxMessage.Post(new PostMessage(r.UserId, text, blocks)), protocol.NudgeLimit);
        var outcome = await nudger.SendAsync(nudge, ct);
        await store.MarkRemindedAsync(r, now, ct);
        return outcome == NudgeOutcome.Sent;
    }

    private async Task<bool> EscalateAsync(string teamId, string channelId, string ts, DateTimeOffset now, CancellationToken ct)
    {
        var ask = await asks.FindAsync(teamId, channelId, ts, ct);
        await store.MarkEscalatedAsync(teamId, channelId, ts, now, ct);
        if (ask is null || ask.State != Ask.Open)
        {
            return false;
        }

        var protocol = await protocols.GetAsync(teamId, channelId, ct);
        var waitingOn = (await asks.OpenAssigneesAsync(teamId, channelId, ts, ct)).Where(u => u != AskStore.Anyone).ToList();
        var waited = WaitedFor.Format(WorkingTime.WorkingTimeBetween(DateTimeOffset.FromUnixTimeMilliseconds(ask.OpenedAt), now, protocol.Schedule));
        var permalink = await slack.PermalinkOrNullAsync(channelId, ts, ct);
        var thread = ask.ThreadTs ?? ask.Ts;
        var (recipient, postTo, threadTs, mention) = protocol.EscalateTo switch
        {
            { Kind: SlackRefKind.User, Id: { } user } => (user, user, (string?)null, (string?)null),
            { Kind: SlackRefKind.Channel, Id: { } channel } => ("channel", channel, null, null),
            { Kind: SlackRefKind.UserGroup, Id: { } group } => ("group", channelId, thread, $"<!subteam^{group}>"),
            _ => ("leaders", channelId, thread, await LeaderMentionsAsync(teamId, ct)),
        };
        var (text, blocks) = NudgeMessages.Escalation(channelId, ts, ask.Excerpt, waitingOn, waited, permalink, mention);
        var nudge = new Nudge(teamId, recipient, Nudge.Escalation, channelId, ts, $"escalation:{channelId}:{ts}",
            OutboxMessage.Post(new PostMessage(postTo, text, blocks, threadTs)), DailyLimit: 0);
        return await nudger.SendAsync(nudge, ct) == NudgeOutcome.Sent;
    }

    private async Task<string?> LeaderMentionsAsync(string teamId, CancellationToken ct)
    {
        var all = options.Value.Leaders.Concat(await leaders.AllAsync(teamId, ct)).Distinct().ToList();
        return all.Count == 0 ? null : string.Join(' ', all.Select(u => $"<@{u}>"));
    }
}
