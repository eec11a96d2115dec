using Microsoft.Extensions.Options;
using NormBot.Norms.Asks;
using NormBot.Norms.Nudges;
using NormBot.Norms.Overdue;
using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Channels;
using NormBot.Slack.Outbox;
using NormBot.Slack.Quotes;

namespace NormBot.Norms.Escalations;

/// <summary>
/// The escalation chain (PRODUCT §14): <c>escalate-to</c> names up to three targets; level 1 fires at <c>escalate-after</c>,
/// level 2 at twice that, level 3 at three times, in the assignees' working time. A person gets a DM held to their own
/// working time, and is skipped while away (the next level then fires at once, so someone hears of it); a channel gets a
/// post; a group a post in the ask's thread mentioning it; no target: the channel's leaders, in the thread. Stops when answered.
/// </summary>
public sealed class EscalationChain(
    AskStore asks, EscalationStore store, ProtocolService protocols, PersonalSchedules schedules, Nudger nudger, ISlackClients slack,
    LeaderPolicy leaders, SlackQuotes quotes, ChannelPrivacy privacy)
{
    /// <summary>Fires the ask's next level if it is due with everyone's time as it is now; true when a message went out.</summary>
    public async Task<bool> FireAsync(string teamId, string channelId, string ts, DateTimeOffset now, CancellationToken ct)
    {
        var ask = await asks.FindAsync(teamId, channelId, ts, ct);
        if (ask is null || ask.State != Ask.Open)
        {
            await store.FinishAsync(teamId, channelId, ts, ask?.EscalationLevel ?? 0, now, ct);
            return false;
        }

        var protocol = await protocols.GetAsync(teamId, channelId, ct);
        var levels = AskDeadlines.Levels(protocol);
        var level = (int)ask.EscalationLevel + 1;
        var waiting = new Dictionary<string, WorkSchedule>();
        foreach (var userId in await asks.OpenAssigneesAsync(teamId, channelId, ts, ct))
        {
            waiting[userId] = await schedules.ForAsync(teamId, userId, channelId, protocol, ct);
        }

        var openedAt = DateTimeOffset.FromUnixTimeMilliseconds(ask.OpenedAt);
        if (level > levels || waiting.Count == 0)
        {
            await store.FinishAsync(teamId, channelId, ts, ask.EscalationLevel, now, ct);
            return false;
        }

        // Someone may have gone away, or a holiday been added, since this time was set: it moves with their clock.
        var due = waiting.ToDictionary(w => w.Key, w => AskDeadlines.Escalation(openedAt, level, protocol, w.Value));
        if (due.Values.Min() > now)
        {
            await store.ScheduleAsync(teamId, channelId, ts, null, due, ct);
            return false;
        }

        var waited = WaitedFor.Format(waiting.Values.Max(s => WorkingTime.WorkingTimeBetween(openedAt, now, s)));
        var people = waiting.Keys.Where(u => u != AskStore.Anyone).ToList();
        var permalink = await slack.For(teamId).PermalinkOrNullAsync(channelId, ts, ct);
        var sent = false;
        for (; level <= levels && !sent; level++)
        {
            var (target, outcome) = await SendLevelAsync(ask, protocol, level, levels, people, waited, permalink, now, ct);
            await store.RecordAsync(teamId, channelId, ts, new EscalationStep(level, target, outcome, now.ToUnixTimeMilliseconds()), ct);
            sent = outcome != EscalationStep.Skipped;
        }

        var fired = level - 1;
        if (fired >= levels)
        {
            await store.FinishAsync(teamId, channelId, ts, fired, now, ct);
        }
        else
        {
            await store.ScheduleAsync(teamId, channelId, ts, fired, waiting.ToDictionary(w => w.Key, w => AskDeadlines.Escalation(openedAt, fired + 1, protocol, w.Value)), ct);
        }

        return sent;
    }

    private async Task<(string Target, string Outcome)> SendLevelAsync(
        Ask ask, Protocol protocol, int level, int levels, IReadOnlyList<string> people, string waited, string? permalink, DateTimeOffset now, CancellationToken ct)
    {
        var thread = ask.ThreadTs ?? ask.Ts;
        var target = protocol.EscalateTo.ElementAtOrDefault(level - 1);
        DateTimeOffset? notBefore = null;
        string recipient, postTo, shown;
        string? threadTs = null, mention = null;
        switch (target)
        {
            case { Kind: SlackRefKind.User, Id: { } user }:
                var schedule = await schedules.ForAsync(ask.TeamId, user, ask.ChannelId, protocol, ct);
                var start = WorkingTime.NextWorkingStart(now, schedule);
                if (schedule.IsAwayAt(now) || WorkingTime.IsNever(start))
                {
                    return ($"<@{user}>", EscalationStep.Skipped);
                }

                // A DM to a person waits for their working time, as every DM does (PRODUCT §5).
                (recipient, postTo, shown) = (user, user, $"<@{user}>");
                notBefore = start > now ? start : null;
                break;
            case { Kind: SlackRefKind.Channel, Id: { } channel }:
                (recipient, postTo, shown) = ("channel", channel, $"<#{channel}>");
                break;
            case { Kind: SlackRefKind.UserGroup, Id: { } group }:
                (recipient, postTo, shown, threadTs, mention) = ("group", ask.ChannelId, $"<!subteam^{group}>", thread, $"<!subteam^{group}>");
                break;
            default:
                (recipient, postTo, shown, threadTs) = ("leaders", ask.ChannelId, "the channel's leaders", thread);
                var all = await leaders.NamedLeadersAsync(ask.TeamId, ct);
                mention = all.Count == 0 ? null : string.Join(' ', all.Select(u => $"<@{u}>"));
                break;
        }

        // Slack Connect: another organisation reads that channel, so the leaders hear of it by DM instead (PRODUCT §12).
        if (recipient is "channel" or "group" or "leaders" && (await privacy.FactsAsync(ask.TeamId, postTo, ct)).IsExtShared)
        {
            return ("the leaders by DM (shared channel)", await DmLeadersAsync(ask, protocol, level, levels, people, waited, permalink, ct));
        }

        var audience = postTo == recipient ? QuoteAudience.Person(recipient) : QuoteAudience.Channel(postTo);
        var excerpt = await quotes.OfAsync(ask.TeamId, ask.ChannelId, ask.Excerpt, audience, ct);
        var (text, blocks) = NudgeMessages.Escalation(ask.ChannelId, ask.Ts, excerpt, people, waited, permalink, mention);
        if (levels > 1)
        {
            var chain = string.Join(" → ", protocol.EscalateTo.Select((t, i) => i + 1 == level ? $"*{Quiet(t)}*" : Quiet(t)));
            blocks = [.. blocks, new ContextBlock([TextObject.Markdown($"Escalation level {level} of {levels}: {chain}")])];
        }

        var outcome = await SendAsync(ask, recipient, $"escalation:{ask.ChannelId}:{ask.Ts}:{level}", new PostMessage(postTo, text, blocks, threadTs), notBefore, protocol.Observe, ct);
        return (shown, outcome);
    }

    private async Task<string> DmLeadersAsync(
        Ask ask, Protocol protocol, int level, int levels, IReadOnlyList<string> people, string waited, string? permalink, CancellationToken ct)
    {
        var outcome = EscalationStep.Skipped;
        foreach (var leader in await leaders.NamedLeadersAsync(ask.TeamId, ct))
        {
            var excerpt = await quotes.OfAsync(ask.TeamId, ask.ChannelId, ask.Excerpt, QuoteAudience.Person(leader), ct);
            var (text, blocks) = NudgeMessages.Escalation(ask.ChannelId, ask.Ts, excerpt, people, waited, permalink, null);
            blocks = [.. blocks, new ContextBlock([TextObject.Markdown($"Sent to you privately: <#{ask.ChannelId}> is shared with another organisation.{(levels > 1 ? $" Escalation level {level} of {levels}." : "")}")])];
            var sent = await SendAsync(ask, leader, $"escalation:{ask.ChannelId}:{ask.Ts}:{level}:{leader}", new PostMessage(leader, text, blocks), null, protocol.Observe, ct);
            outcome = sent == EscalationStep.Sent || outcome == EscalationStep.Sent ? EscalationStep.Sent : sent;
        }

        return outcome;
    }

    private async Task<string> SendAsync(Ask ask, string recipient, string effectKey, PostMessage message, DateTimeOffset? notBefore, bool observe, CancellationToken ct)
    {
        var nudge = new Nudge(ask.TeamId, recipient, Nudge.Escalation, ask.ChannelId, ask.Ts, effectKey,
            OutboxMessage.Post(message), DailyLimit: 0, NotBefore: notBefore, Observe: observe);
        return await nudger.SendAsync(nudge, ct) switch
        {
            NudgeOutcome.Sent or NudgeOutcome.AlreadyDone => notBefore is null ? EscalationStep.Sent : EscalationStep.Held,
            NudgeOutcome.Observed => EscalationStep.Observed,
            _ => EscalationStep.NotSent,
        };
    }

    // The chain is shown wherever the level lands, so people and groups in it are named without notifying them.
    private static string Quiet(SlackRef target) => target switch
    {
        { Kind: SlackRefKind.Channel, Id: { } id } => $"<#{id}>",
        { Name: { } name } => "@" + name,
        { Kind: SlackRefKind.UserGroup } => "a group",
        _ => "a person",
    };
}
