using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.Context;

/// <summary>Missing-context nudges waiting out <c>context-grace</c>; a follow-up or an edit deletes them.</summary>
public sealed class PendingContextStore(Db db)
{
    // Authors with a waiting nudge. Every message asks "does this author have one?", and almost always
    // the answer is no: on the embedded store (one process) this answers without a query. With several
    // replicas (PostgreSQL) another process may hold the row, so the query always runs there.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Team, string Channel, string User), byte> _waiting = new();
    private volatile bool _loaded;

    private const string Insert = """
        INSERT INTO pending_context (team_id, channel_id, ts, thread_ts, user_id, reason, due_at)
        VALUES (@TeamId, @ChannelId, @Ts, @ThreadTs, @UserId, @Reason, @DueAt)
        ON CONFLICT (team_id, channel_id, ts) DO NOTHING
        """;

    private const string SelectDue = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, ts AS Ts, thread_ts AS ThreadTs, user_id AS UserId, reason AS Reason, due_at AS DueAt
        FROM pending_context WHERE due_at <= @Now ORDER BY due_at LIMIT 200
        """;

    // A later message from the same author in the same channel counts as the follow-up: most people
    // send the details in their next message.
    private const string DeleteFollowedUp = """
        DELETE FROM pending_context WHERE team_id = @TeamId AND channel_id = @ChannelId AND user_id = @UserId AND ts < @Ts
        """;

    public async Task AddAsync(PendingContext pending, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        _waiting[(pending.TeamId, pending.ChannelId, pending.UserId)] = 0;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Insert, pending);
    }

    public async Task<int> CancelFollowedUpAsync(string teamId, string channelId, string userId, string followUpTs, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        if (!db.IsPostgres && !_waiting.ContainsKey((teamId, channelId, userId)))
        {
            return 0;
        }

        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(DeleteFollowedUp, new { TeamId = teamId, ChannelId = channelId, UserId = userId, Ts = followUpTs });
    }

    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (_loaded)
        {
            return;
        }

        // Rows left by an earlier run still count after a restart.
        await using var connection = await db.OpenAsync(ct);
        foreach (var (team, channel, user) in await connection.QueryAsync<(string, string, string)>("SELECT team_id, channel_id, user_id FROM pending_context"))
        {
            _waiting[(team, channel, user)] = 0;
        }

        _loaded = true;
    }

    public async Task<bool> CancelAsync(string teamId, string channelId, string ts, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(
            "DELETE FROM pending_context WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts",
            new { TeamId = teamId, ChannelId = channelId, Ts = ts }) == 1;
    }

    public async Task<IReadOnlyList<PendingContext>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PendingContext>(SelectDue, new { Now = now.ToUnixTimeMilliseconds() })).ToList();
    }
}

/// <summary>A message that lacks context, and when its nudge goes out unless the author follows up.</summary>
public sealed record PendingContext(string TeamId, string ChannelId, string Ts, string? ThreadTs, string UserId, string Reason, long DueAt);
