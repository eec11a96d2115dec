using Dapper;
using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Storage;

namespace NormBot.Norms.Asks;

/// <summary>
/// Open asks run on their assignees' time (PRODUCT §14), so when someone's hours, away time or holidays change, the
/// deadlines already set are worked out again: the due time (until the reminder went), the next escalation level,
/// and any reminder held for their working time is let go, for the next scan to hold again if it must.
/// Cost follows the open asks concerned.
/// </summary>
public sealed class AskClock(Db db, ProtocolService protocols, PersonalSchedules schedules)
{
    private const string OpenRows = """
        SELECT a.channel_id AS ChannelId, a.ts AS Ts, a.user_id AS UserId, k.opened_at AS OpenedAt, k.escalation_level AS EscalationLevel
        FROM ask_assignees a
        JOIN asks k ON k.team_id = a.team_id AND k.channel_id = a.channel_id AND k.ts = a.ts
        WHERE a.team_id = @TeamId AND a.open = 1 AND a.declined = 0 AND k.state = 'open'
          AND (a.user_id = @UserId OR @UserId = '')
          AND (a.channel_id = @ChannelId OR @ChannelId = '')
        """;

    private const string Update = """
        UPDATE ask_assignees
        SET due_at = CASE WHEN reminded_at IS NULL THEN @DueAt ELSE due_at END, escalate_at = @EscalateAt, held_until = NULL
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND user_id = @UserId
        """;

    /// <summary>After a change to one person's time (my-hours, away, back, their Slack status or zone).</summary>
    public Task<int> RecomputeForPersonAsync(string teamId, string userId, CancellationToken ct) => RecomputeAsync(teamId, userId, "", ct);

    /// <summary>After a holiday change: every open ask of the workspace, or of one channel.</summary>
    public Task<int> RecomputeForChannelAsync(string teamId, string? channelId, CancellationToken ct) => RecomputeAsync(teamId, "", channelId ?? "", ct);

    private async Task<int> RecomputeAsync(string teamId, string userId, string channelId, CancellationToken ct)
    {
        List<Row> rows;
        await using (var connection = await db.OpenAsync(ct))
        {
            rows = (await connection.QueryAsync<Row>(OpenRows, new { TeamId = teamId, UserId = userId, ChannelId = channelId })).ToList();
        }

        foreach (var row in rows)
        {
            var protocol = await protocols.GetAsync(teamId, row.ChannelId, ct);
            var schedule = await schedules.ForAsync(teamId, row.UserId, row.ChannelId, protocol, ct);
            var openedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.OpenedAt);
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(Update, new
            {
                TeamId = teamId, row.ChannelId, row.Ts, row.UserId,
                DueAt = AskDeadlines.Due(openedAt, protocol, schedule).ToUnixTimeMilliseconds(),
                EscalateAt = AskDeadlines.Escalation(openedAt, (int)row.EscalationLevel + 1, protocol, schedule).ToUnixTimeMilliseconds(),
            });
        }

        return rows.Count;
    }

    private sealed record Row(string ChannelId, string Ts, string UserId, long OpenedAt, long EscalationLevel);
}
