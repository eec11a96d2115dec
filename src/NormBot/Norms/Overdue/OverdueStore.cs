using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.Overdue;

/// <summary>The two index-backed queries of the overdue scan, and their "done" marks.</summary>
public sealed class OverdueStore(Db db)
{
    private const string DueReminders = """
        SELECT a.team_id AS TeamId, a.channel_id AS ChannelId, a.ts AS Ts, a.user_id AS UserId, a.due_at AS DueAt,
               k.asker_id AS AskerId, k.excerpt AS Excerpt, k.opened_at AS OpenedAt, a.snoozed_until AS SnoozedUntil
        FROM ask_assignees a
        JOIN asks k ON k.team_id = a.team_id AND k.channel_id = a.channel_id AND k.ts = a.ts
        WHERE a.open = 1 AND a.reminded_at IS NULL AND a.due_at <= @Now AND a.declined = 0 AND a.user_id <> '*'
          AND (a.snoozed_until IS NULL OR a.snoozed_until <= @Now) AND (a.held_until IS NULL OR a.held_until <= @Now)
        ORDER BY a.due_at
        LIMIT 200
        """;

    // Oldest first, and ordered so that PostgreSQL reads ix_ask_assignees_escalate: with DISTINCT and LIMIT alone it
    // walked the primary key through every assignee ever recorded (1.8 s at 1M asks when none was due, 2 ms now).
    private const string DueEscalations = """
        SELECT a.team_id AS TeamId, a.channel_id AS ChannelId, a.ts AS Ts
        FROM ask_assignees a
        WHERE a.open = 1 AND a.escalated_at IS NULL AND a.escalate_at <= @Now AND a.declined = 0
        GROUP BY a.team_id, a.channel_id, a.ts
        ORDER BY MIN(a.escalate_at)
        LIMIT 200
        """;

    public async Task<IReadOnlyList<DueReminder>> DueRemindersAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<DueReminder>(DueReminders, new { Now = now.ToUnixTimeMilliseconds() })).ToList();
    }

    public async Task<IReadOnlyList<(string TeamId, string ChannelId, string Ts)>> DueEscalationsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(string, string, string)>(DueEscalations, new { Now = now.ToUnixTimeMilliseconds() })).ToList();
    }

    public async Task MarkRemindedAsync(DueReminder reminder, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE ask_assignees SET reminded_at = @At WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND user_id = @UserId",
            new { reminder.TeamId, reminder.ChannelId, reminder.Ts, reminder.UserId, At = at.ToUnixTimeMilliseconds() });
    }

    /// <summary>Holds a reminder until the assignee's working time begins; the due time itself stays as it was.</summary>
    public async Task HoldUntilAsync(DueReminder reminder, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE ask_assignees SET held_until = @Until WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND user_id = @UserId",
            new { reminder.TeamId, reminder.ChannelId, reminder.Ts, reminder.UserId, Until = until.ToUnixTimeMilliseconds() });
    }

    /// <summary>The assignee's time changed since the ask (away, a holiday): the reminder is due later.</summary>
    public async Task MoveDueAsync(DueReminder reminder, DateTimeOffset dueAt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE ask_assignees SET due_at = @DueAt WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND user_id = @UserId",
            new { reminder.TeamId, reminder.ChannelId, reminder.Ts, reminder.UserId, DueAt = dueAt.ToUnixTimeMilliseconds() });
    }
}

/// <summary>An assignee whose reply is overdue.</summary>
public sealed record DueReminder(string TeamId, string ChannelId, string Ts, string UserId, long DueAt, string AskerId, string Excerpt, long OpenedAt, long? SnoozedUntil)
{
    /// <summary>One reminder per due time or snooze: a snoozed reminder may come again, a replayed scan may not.</summary>
    public long RemindAt => SnoozedUntil ?? DueAt;
}
