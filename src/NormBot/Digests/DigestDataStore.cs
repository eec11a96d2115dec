using Dapper;
using NormBot.Storage;

namespace NormBot.Digests;

/// <summary>An ask as the digest sees it; instants are Unix milliseconds.</summary>
/// <summary><see cref="AssigneeId"/> is set when the ask waited on one person: its reply time counts in their working time.</summary>
public sealed record AskRow(
    string ChannelId, string Ts, string AskerId, string Excerpt, string State, long OpenedAt, long? FirstReplyAt, long? ResolvedAt, string? AssigneeId = null)
{
    /// <summary>When it was first answered: the first reply, or the ✅ / button that resolved it as answered.</summary>
    public long? AnsweredAt => FirstReplyAt ?? (State == "answered" ? ResolvedAt : null);

    /// <summary>Open at <paramref name="instantMs"/>: posted before it and not yet resolved then.</summary>
    public bool IsOpenAt(long instantMs) =>
        State != "deleted" && OpenedAt < instantMs && (ResolvedAt is { } resolved ? resolved >= instantMs : State == "open");
}

public sealed record DecisionRow(string ChannelId, string Ts, string UserId, long At, string Excerpt);

public sealed record NudgeCount(string Rule, long Count);

/// <summary>Reads what the rules recorded (asks, decisions, nudges) for digests and stats. Writes nothing.</summary>
public sealed class DigestDataStore(Db db)
{
    // Asks that matter to a period [From, To) and the one before it [PreviousFrom, From): opened in either, or opened
    // earlier and still open, or resolved since. Three disjoint parts, each on its own index (0012_scale.sql), so the
    // read follows the period's asks and the open ones, not the history. The excerpt comes only with the asks open at
    // To, the only ones a digest quotes: a workspace's 30-day stats read hundreds of thousands of rows.
    private const string AskColumns = """
        channel_id AS ChannelId, ts AS Ts, asker_id AS AskerId, state AS State,
               CASE WHEN state = 'open' OR resolved_at >= @To THEN excerpt ELSE '' END AS Excerpt,
               opened_at AS OpenedAt, first_reply_at AS FirstReplyAt, resolved_at AS ResolvedAt,
               (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(a.user_id) END FROM ask_assignees a
                WHERE a.team_id = asks.team_id AND a.channel_id = asks.channel_id AND a.ts = asks.ts) AS AssigneeId
        """;

    private const string SelectAsks = $"""
        SELECT {AskColumns} FROM asks
        WHERE team_id = @TeamId AND opened_at >= @PreviousFrom AND opened_at < @To AND state <> 'deleted'
        UNION ALL
        SELECT {AskColumns} FROM asks
        WHERE team_id = @TeamId AND state = 'open' AND opened_at < @PreviousFrom
        UNION ALL
        SELECT {AskColumns} FROM asks
        WHERE team_id = @TeamId AND resolved_at >= @PreviousFrom AND opened_at < @PreviousFrom AND state <> 'open' AND state <> 'deleted'
        """;

    private const string SelectChannelAsks = $"""
        SELECT {AskColumns} FROM asks
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND opened_at >= @PreviousFrom AND opened_at < @To AND state <> 'deleted'
        UNION ALL
        SELECT {AskColumns} FROM asks
        WHERE team_id = @TeamId AND state = 'open' AND channel_id = @ChannelId AND opened_at < @PreviousFrom
        UNION ALL
        SELECT {AskColumns} FROM asks
        WHERE team_id = @TeamId AND resolved_at >= @PreviousFrom AND channel_id = @ChannelId AND opened_at < @PreviousFrom AND state <> 'open' AND state <> 'deleted'
        """;

    private const string SelectDecisions = """
        SELECT channel_id AS ChannelId, ts AS Ts, user_id AS UserId, at AS At, excerpt AS Excerpt
        FROM decisions
        WHERE team_id = @TeamId AND at >= @PreviousFrom AND at < @To
        ORDER BY at
        """;

    private const string SelectNudges = """
        SELECT channel_id AS ChannelId, rule AS Rule, at AS At, observed AS Observed
        FROM nudges
        WHERE team_id = @TeamId AND at >= @PreviousFrom AND at < @To
        """;

    public async Task<DigestData> LoadAsync(string teamId, IReadOnlyCollection<string> channelIds, DateTimeOffset previousFrom, DateTimeOffset to, CancellationToken ct)
    {
        var args = new { TeamId = teamId, PreviousFrom = previousFrom.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() };
        await using var connection = await db.OpenAsync(ct);

        // A digest's few channels are read one by one on the channel index; the workspace at once. Ids repeat across
        // hundreds of thousands of rows: each distinct one is kept once.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string value) => pool.TryGetValue(value, out var kept) ? kept : pool[value] = value;
        var asks = new List<AskRow>();
        foreach (var channelId in channelIds.Count == 0 ? [null] : channelIds.Distinct().Cast<string?>())
        {
            var query = channelId is null
                ? new CommandDefinition(SelectAsks, args, cancellationToken: ct)
                : new CommandDefinition(SelectChannelAsks, new { args.TeamId, args.PreviousFrom, args.To, ChannelId = channelId }, cancellationToken: ct);
            await foreach (var a in connection.QueryUnbufferedAsync<AskDto>(query.CommandText, query.Parameters).WithCancellation(ct))
            {
                asks.Add(new AskRow(Pooled(a.ChannelId), a.Ts, Pooled(a.AskerId), a.Excerpt, Pooled(a.State), a.OpenedAt, a.FirstReplyAt, a.ResolvedAt,
                    a.AssigneeId is null ? null : Pooled(a.AssigneeId)));
            }
        }

        var decisions = (await connection.QueryAsync<DecisionDto>(new CommandDefinition(SelectDecisions, args, cancellationToken: ct)))
            .Select(d => new DecisionRow(d.ChannelId, d.Ts, d.UserId, d.At, d.Excerpt));
        var nudges = await connection.QueryAsync<NudgeDto>(new CommandDefinition(SelectNudges, args, cancellationToken: ct));

        // Filtering the channel list in memory keeps the SQL identical on SQLite and PostgreSQL (no array parameters).
        bool Covered(string channelId) => channelIds.Count == 0 || channelIds.Contains(channelId);
        return new DigestData(
            asks,
            decisions.Where(d => Covered(d.ChannelId)).ToList(),
            nudges.Where(n => Covered(n.ChannelId)).Select(n => new NudgeRow(n.ChannelId, n.Rule, n.At, n.Observed != 0)).ToList());
    }

    // Settable properties rather than constructor parameters: Dapper converts a column's integer width into a long
    // property (SQLite hands back Int64, PostgreSQL's INTEGER an Int32), but matches constructor parameters only exactly.
    private sealed class AskDto
    {
        public string ChannelId { get; set; } = "";
        public string Ts { get; set; } = "";
        public string AskerId { get; set; } = "";
        public string Excerpt { get; set; } = "";
        public string State { get; set; } = "";
        public long OpenedAt { get; set; }
        public long? FirstReplyAt { get; set; }
        public long? ResolvedAt { get; set; }
        public string? AssigneeId { get; set; }
    }

    private sealed class DecisionDto
    {
        public string ChannelId { get; set; } = "";
        public string Ts { get; set; } = "";
        public string UserId { get; set; } = "";
        public long At { get; set; }
        public string Excerpt { get; set; } = "";
    }

    private sealed class NudgeDto
    {
        public string ChannelId { get; set; } = "";
        public string Rule { get; set; } = "";
        public long At { get; set; }
        public long Observed { get; set; }
    }
}

/// <summary><see cref="Observed"/>: decided in observe mode, recorded and not sent (PRODUCT §16).</summary>
public sealed record NudgeRow(string ChannelId, string Rule, long At, bool Observed = false);

public sealed record DigestData(IReadOnlyList<AskRow> Asks, IReadOnlyList<DecisionRow> Decisions, IReadOnlyList<NudgeRow> Nudges);
