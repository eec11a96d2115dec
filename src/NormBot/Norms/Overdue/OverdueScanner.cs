using NormBot.Norms.Asks;
using NormBot.Norms.Escalations;
using NormBot.Norms.Nudges;
using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Slack.Channels;
using NormBot.Slack.Outbox;
using NormBot.Slack.Quotes;

namespace NormBot.Norms.Overdue;

/// <summary>Finds asks past due or past escalation and sends the reminder or the escalation, once each.</summary>
public sealed class OverdueScanner(
    OverdueStore store, ProtocolService protocols, PersonalSchedules schedules, EscalationChain escalations, Nudger nudger, ISlackClients slack, SlackQuotes quotes, TimeProvider time)
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
            sent += await escalations.FireAsync(teamId, channelId, ts, now, ct) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> RemindAsync(DueReminder r, DateTimeOffset now, CancellationToken ct)
    {
        var protocol = await protocols.GetAsync(r.TeamId, r.ChannelId, ct);
        var schedule = await schedules.ForAsync(r.TeamId, r.UserId, r.ChannelId, protocol, ct);
        var openedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.OpenedAt);

        // The assignee's time may have changed since the ask (they went away, a holiday was added): the due time moves with it.
        var due = AskDeadlines.Due(openedAt, protocol, schedule);
        if (due > now)
        {
            await store.MoveDueAsync(r, due, ct);
            return false;
        }

        if (!WorkingTime.IsWorkingTime(now, schedule))
        {
            // Direct messages wait for the recipient's working time: hours, days, holidays, away (PRODUCT §5, §14).
            await store.HoldUntilAsync(r, WorkingTime.NextWorkingStart(now, schedule), ct);
            return false;
        }

        var waited = WaitedFor.Format(WorkingTime.WorkingTimeBetween(openedAt, now, schedule));
        var (text, blocks) = NudgeMessages.Overdue(r.AskerId, r.ChannelId, r.Ts, await quotes.OfAsync(r.TeamId, r.ChannelId, r.Excerpt, QuoteAudience.Person(r.UserId), ct), waited, await slack.For(r.TeamId).PermalinkOrNullAsync(r.ChannelId, r.Ts, ct));
        var nudge = new Nudge(r.TeamId, r.UserId, Nudge.Overdue, r.ChannelId, r.Ts, $"overdue:{r.ChannelId}:{r.Ts}:{r.UserId}:{r.RemindAt}",
            OutboxMessage.Post(new PostMessage(r.UserId, text, blocks)), protocol.NudgeLimit, Observe: protocol.Observe);
        var outcome = await nudger.SendAsync(nudge, ct);
        await store.MarkRemindedAsync(r, now, ct);
        return outcome == NudgeOutcome.Sent;
    }
}
