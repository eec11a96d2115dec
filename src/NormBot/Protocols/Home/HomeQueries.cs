using Dapper;
using NormBot.Norms;
using NormBot.Storage;

namespace NormBot.Protocols.Home;

/// <summary>Read-only queries for the Home tab over the asks the rules record (schema in 0004_norms.sql).</summary>
public sealed class HomeQueries(Db db)
{
    private const string WaitingOnUser = """
        SELECT k.channel_id AS ChannelId, k.ts AS Ts, k.asker_id AS AskerId, k.excerpt AS Excerpt,
               k.opened_at AS OpenedAt, a.due_at AS DueAt
        FROM ask_assignees a
        JOIN asks k ON k.team_id = a.team_id AND k.channel_id = a.channel_id AND k.ts = a.ts
        WHERE a.team_id = @TeamId AND a.user_id = @UserId AND a.open = 1 AND a.declined = 0 AND k.state = 'open'
        ORDER BY k.opened_at, k.ts
        LIMIT @Limit
        """;

    private const string AskedByUser = """
        SELECT k.channel_id AS ChannelId, k.ts AS Ts, k.asker_id AS AskerId, k.excerpt AS Excerpt,
               k.opened_at AS OpenedAt, MIN(a.due_at) AS DueAt
        FROM asks k
        LEFT JOIN ask_assignees a ON a.team_id = k.team_id AND a.channel_id = k.channel_id AND a.ts = k.ts AND a.open = 1
        WHERE k.team_id = @TeamId AND k.asker_id = @UserId AND k.state = 'open'
        GROUP BY k.channel_id, k.ts, k.asker_id, k.excerpt, k.opened_at
        ORDER BY k.opened_at, k.ts
        LIMIT @Limit
        """;

    private const string OpenAssignees = """
        SELECT a.channel_id AS ChannelId, a.ts AS Ts, a.user_id AS UserId
        FROM ask_assignees a
        JOIN asks k ON k.team_id = a.team_id AND k.channel_id = a.channel_id AND k.ts = a.ts
        WHERE a.team_id = @TeamId AND k.asker_id = @UserId AND k.state = 'open' AND a.open = 1
        ORDER BY a.user_id
        """;

    public async Task<IReadOnlyList<HomeAsk>> WaitingOnUserAsync(string teamId, string userId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<HomeAsk>(WaitingOnUser, new { TeamId = teamId, UserId = userId, Limit = limit })).ToList();
    }

    public async Task<IReadOnlyList<HomeAsk>> AskedByUserAsync(string teamId, string userId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var asks = (await connection.QueryAsync<HomeAsk>(AskedByUser, new { TeamId = teamId, UserId = userId, Limit = limit })).ToList();
        var assignees = (await connection.QueryAsync<(string ChannelId, string Ts, string UserId)>(OpenAssignees, new { TeamId = teamId, UserId = userId }))
            .ToLookup(a => (a.ChannelId, a.Ts), a => a.UserId);
        return asks.Select(a => a with { WaitingOn = [.. assignees[(a.ChannelId, a.Ts)]] }).ToList();
    }

    /// <summary>
    /// Channels by mean wall-clock time to a first reply over the asks opened since <paramref name="since"/> (an
    /// unanswered ask counts until <paramref name="now"/>), slowest first: from the channels' day sums, exact at any now.
    /// </summary>
    public async Task<IReadOnlyList<ChannelResponse>> SlowestChannelsAsync(string teamId, DateTimeOffset since, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sums = await ChannelDays.SumAsync(connection, teamId, since.ToUnixTimeMilliseconds(), long.MaxValue);
        var nowMs = now.ToUnixTimeMilliseconds();
        return sums.Values.Where(s => s.Asks > 0)
            .Select(s => new ChannelResponse
            {
                ChannelId = s.ChannelId, Asks = s.Asks, Unanswered = s.Asks - s.Replied,
                AverageMs = (double)(s.RepliedSum + (nowMs * (s.Asks - s.Replied)) - s.OpenedSum) / s.Asks,
            })
            .OrderByDescending(c => c.AverageMs).ThenBy(c => c.ChannelId, StringComparer.Ordinal).Take(limit).ToList();
    }
}

// Settable properties rather than positional records: SQLite types a NULL aggregate as a blob, which
// Dapper's constructor matching rejects, while property mapping converts per column.

/// <summary>An open ask as the Home tab lists it; <see cref="WaitingOn"/> is filled for the asker's own list.</summary>
public sealed record HomeAsk
{
    public string ChannelId { get; init; } = "";

    public string Ts { get; init; } = "";

    public string AskerId { get; init; } = "";

    public string Excerpt { get; init; } = "";

    public long OpenedAt { get; init; }

    public long? DueAt { get; init; }

    public IReadOnlyList<string> WaitingOn { get; init; } = [];
}

/// <summary>One channel's response time this week, for the leaders' part of the Home tab.</summary>
public sealed record ChannelResponse
{
    public string ChannelId { get; init; } = "";

    public long Asks { get; init; }

    public double AverageMs { get; init; }

    public long Unanswered { get; init; }
}
