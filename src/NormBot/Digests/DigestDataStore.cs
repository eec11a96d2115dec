using Dapper;
using NormBot.Storage;

namespace NormBot.Digests;

/// <summary>An ask as the digest sees it; instants are Unix milliseconds.</summary>
public sealed record AskRow(string ChannelId, string Ts, string AskerId, string Excerpt, string State, long OpenedAt, long? FirstReplyAt, long? ResolvedAt)
{
    /// <summary>When it was first answered: the first reply, or the ✅ / button that resolved it as answered.</summary>
    public long? AnsweredAt => FirstReplyAt ?? (State == "answered" ? ResolvedAt : null);

    /// <summary>Open at <paramref name="instantMs"/>: posted before it and not yet resolved then.</summary>
    public bool IsOpenAt(long instantMs) =>
        State != "deleted" && OpenedAt < instantMs && (ResolvedAt is { } resolved ? resolved >= instantMs : State == "open");
}

public sealed record DecisionRow(string ChannelId, string Ts, string UserId, long At, string Excerpt);

public sealed record NudgeCount(string Rule, long Count);

// Instants are cast to BIGINT so they read as long whatever integer type the column has (PostgreSQL's INTEGER is int4).
/// <summary>Reads what the rules recorded (asks, decisions, nudges) for digests and stats. Writes nothing.</summary>
public sealed class DigestDataStore(Db db)
{
    // Asks that matter to a period [From, To) and the one before it [PreviousFrom, From): opened in either, or still
    // open at the start of the earlier one. Resolved asks older than that are history the digest never reads.
    private const string SelectAsks = """
        SELECT channel_id AS ChannelId, ts AS Ts, asker_id AS AskerId, excerpt AS Excerpt, state AS State,
               CAST(opened_at AS BIGINT) AS OpenedAt, CAST(first_reply_at AS BIGINT) AS FirstReplyAt, CAST(resolved_at AS BIGINT) AS ResolvedAt
        FROM asks
        WHERE team_id = @TeamId AND state <> 'deleted' AND opened_at < @To
          AND (opened_at >= @PreviousFrom OR state = 'open' OR resolved_at >= @PreviousFrom)
        """;

    private const string SelectDecisions = """
        SELECT channel_id AS ChannelId, ts AS Ts, user_id AS UserId, CAST(at AS BIGINT) AS At, excerpt AS Excerpt
        FROM decisions
        WHERE team_id = @TeamId AND at >= @PreviousFrom AND at < @To
        ORDER BY at
        """;

    private const string SelectNudges = """
        SELECT channel_id AS ChannelId, rule AS Rule, CAST(at AS BIGINT) AS At
        FROM nudges
        WHERE team_id = @TeamId AND at >= @PreviousFrom AND at < @To
        """;

    public async Task<DigestData> LoadAsync(string teamId, IReadOnlyCollection<string> channelIds, DateTimeOffset previousFrom, DateTimeOffset to, CancellationToken ct)
    {
        var args = new { TeamId = teamId, PreviousFrom = previousFrom.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() };
        await using var connection = await db.OpenAsync(ct);
        var asks = await connection.QueryAsync<AskRow>(new CommandDefinition(SelectAsks, args, cancellationToken: ct));
        var decisions = await connection.QueryAsync<DecisionRow>(new CommandDefinition(SelectDecisions, args, cancellationToken: ct));
        var nudges = await connection.QueryAsync<(string ChannelId, string Rule, long At)>(new CommandDefinition(SelectNudges, args, cancellationToken: ct));

        // Filtering the channel list in memory keeps the SQL identical on SQLite and PostgreSQL (no array parameters).
        bool Covered(string channelId) => channelIds.Count == 0 || channelIds.Contains(channelId);
        return new DigestData(
            asks.Where(a => Covered(a.ChannelId)).ToList(),
            decisions.Where(d => Covered(d.ChannelId)).ToList(),
            nudges.Where(n => Covered(n.ChannelId)).Select(n => new NudgeRow(n.ChannelId, n.Rule, n.At)).ToList());
    }
}

public sealed record NudgeRow(string ChannelId, string Rule, long At);

public sealed record DigestData(IReadOnlyList<AskRow> Asks, IReadOnlyList<DecisionRow> Decisions, IReadOnlyList<NudgeRow> Nudges);
