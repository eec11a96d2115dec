using Dapper;
using NormBot.Norms.Nudges;
using NormBot.Norms.People;
using NormBot.Norms.Overdue;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Slack.Channels;
using NormBot.Slack.Outbox;
using NormBot.Slack.Quotes;
using NormBot.Slack.Users;
using NormBot.Storage;

namespace NormBot.Norms.Asks;

/// <summary>
/// PRODUCT §13: an ask to nobody in particular ("anyone know…?") that nobody answers within <c>response-time</c> gets
/// one private note to its asker, not to the channel: nobody picked it up, and naming someone or a group helps. The
/// note waits for the asker's working hours, like a DM, and is sent once (the "anyone" row's reminded_at).
/// </summary>
public sealed class UnassignedAskFollowUp(Db db, OverdueStore overdue, AskStore asks, ProtocolService protocols, PersonalSchedules schedules, Nudger nudger, SlackQuotes quotes, ChannelPrivacy privacy, TimeProvider time)
{
    private const string DueNotes = """
        SELECT a.team_id AS TeamId, a.channel_id AS ChannelId, a.ts AS Ts, a.user_id AS UserId, a.due_at AS DueAt,
               k.asker_id AS AskerId, k.excerpt AS Excerpt, k.opened_at AS OpenedAt, a.snoozed_until AS SnoozedUntil
        FROM ask_assignees a
        JOIN asks k ON k.team_id = a.team_id AND k.channel_id = a.channel_id AND k.ts = a.ts
        WHERE a.open = 1 AND a.reminded_at IS NULL AND a.due_at <= @Now AND a.user_id = '*' AND k.state = 'open'
          AND (a.snoozed_until IS NULL OR a.snoozed_until <= @Now)
        ORDER BY a.due_at
        LIMIT 200
        """;

    /// <summary>One pass; returns how many notes it sent.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<DueReminder> due;
        await using (var connection = await db.OpenAsync(ct))
        {
            due = (await connection.QueryAsync<DueReminder>(DueNotes, new { Now = now.ToUnixTimeMilliseconds() })).ToList();
        }

        var sent = 0;
        foreach (var ask in due)
        {
            sent += await NoteAsync(ask, now, ct) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> NoteAsync(DueReminder ask, DateTimeOffset now, CancellationToken ct)
    {
        // In a Slack Connect channel the asker may be of the other organisation: no note about the ask (PRODUCT §12).
        if ((await privacy.FactsAsync(ask.TeamId, ask.ChannelId, ct)).IsExtShared)
        {
            await overdue.MarkRemindedAsync(ask, now, ct);
            return false;
        }

        var protocol = await protocols.GetAsync(ask.TeamId, ask.ChannelId, ct);
        // The note is held to the asker's own hours, days, zone, holidays and away time (PRODUCT §14).
        var schedule = await schedules.ForAsync(ask.TeamId, ask.AskerId, ask.ChannelId, protocol, ct);
        if (!WorkingTime.IsWorkingTime(now, schedule))
        {
            await overdue.HoldUntilAsync(ask, WorkingTime.NextWorkingStart(now, schedule), ct);
            return false;
        }

        var threadTs = (await asks.FindAsync(ask.TeamId, ask.ChannelId, ask.Ts, ct))?.ThreadTs;
        var (text, blocks) = NudgeMessages.Unanswered(ask.ChannelId, ask.Ts, await quotes.OfAsync(ask.TeamId, ask.Excerpt, ct), protocol.ResponseTime.ToString());
        var nudge = new Nudge(ask.TeamId, ask.AskerId, Nudge.Unanswered, ask.ChannelId, ask.Ts, $"unanswered:{ask.ChannelId}:{ask.Ts}",
            OutboxMessage.Ephemeral(new PostEphemeral(ask.ChannelId, ask.AskerId, text, blocks, threadTs)), protocol.NudgeLimit, Observe: protocol.Observe);
        var outcome = await nudger.SendAsync(nudge, ct);
        await overdue.MarkRemindedAsync(ask, now, ct);
        return outcome == NudgeOutcome.Sent;
    }
}
