using System.Data.Common;
using Dapper;
using NormBot.Norms;
using NormBot.Norms.Asks;
using NormBot.Storage;

namespace NormBot.Digests;

/// <summary>
/// Reads what digests and stats show (asks, decisions, nudges) from what the stores keep as they write: a period's
/// counts from the channels' day sums, its settled asks' figures from one index, and as rows only the asks still worked
/// out one by one (open and unanswered, or recorded before the figures were kept) and those open at its end. Its
/// cost follows the period's asks and the open ones, not the history (docs/scale.md). Writes nothing.
/// </summary>
public sealed class DigestDataStore(Db db)
{
    private const string AskFields = $"""
        channel_id AS ChannelId, ts AS Ts, asker_id AS AskerId, state AS State,
               opened_at AS OpenedAt, first_reply_at AS FirstReplyAt, resolved_at AS ResolvedAt, {AskStore.SingleAssignee} AS AssigneeId
        """;

    // Settled asks opened in [From, To): answered by To (and within the response time), or judged unanswered: past due by
    // To, unless dismissed. Read from ix_asks_settled / ix_asks_channel_settled alone.
    private const string SettledCounts = """
        SELECT COUNT(CASE WHEN answered_at < @To THEN 1 END) AS Answered,
               COUNT(CASE WHEN answered_at < @To AND answered_within = 1 THEN 1 END) AS Within,
               COUNT(CASE WHEN (answered_at IS NULL OR answered_at >= @To) AND state <> 'dismissed' AND due_work_at <= @To THEN 1 END) AS JudgedUnanswered
        FROM asks
        """;

    private const string InPeriodSettled = "opened_at >= @From AND opened_at < @To AND due_work_at IS NOT NULL";

    private const string SelectSettled = $"{SettledCounts} WHERE team_id = @TeamId AND {InPeriodSettled}";

    private const string SelectChannelSettled = $"{SettledCounts} WHERE team_id = @TeamId AND channel_id = @ChannelId AND {InPeriodSettled}";

    private const string SelectReplies = $"SELECT reply_work_ms FROM asks WHERE team_id = @TeamId AND {InPeriodSettled} AND answered_at < @To";

    private const string SelectChannelReplies = $"SELECT reply_work_ms FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND {InPeriodSettled} AND answered_at < @To";

    private const string InPeriodUnsettled = "opened_at >= @From AND opened_at < @To AND due_work_at IS NULL AND state <> 'deleted'";

    private const string SelectUnsettled = $"SELECT {AskFields}, '' AS Excerpt FROM asks WHERE team_id = @TeamId AND {InPeriodUnsettled}";

    private const string SelectChannelUnsettled = $"SELECT {AskFields}, '' AS Excerpt FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND {InPeriodUnsettled}";

    // Open at @To: opened before it and not resolved by then. Open asks first, then the few resolved since @To (the unary
    // plus keeps SQLite on the resolved_at index rather than every ask of the channel opened before @To).
    private const string SelectOpenAt = $"""
        SELECT {AskFields}, excerpt AS Excerpt FROM asks WHERE team_id = @TeamId AND state = 'open' AND opened_at < @To
        UNION ALL
        SELECT {AskFields}, excerpt AS Excerpt FROM asks WHERE team_id = @TeamId AND resolved_at >= @To AND +opened_at < @To AND state <> 'deleted'
        """;

    private const string SelectChannelOpenAt = $"""
        SELECT {AskFields}, excerpt AS Excerpt FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND state = 'open' AND opened_at < @To
        UNION ALL
        SELECT {AskFields}, excerpt AS Excerpt FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND resolved_at >= @To AND +opened_at < @To AND state <> 'deleted'
        """;

    private const string CountOpenAt = """
        SELECT (SELECT COUNT(*) FROM asks WHERE team_id = @TeamId AND state = 'open' AND opened_at < @To)
             + (SELECT COUNT(*) FROM asks WHERE team_id = @TeamId AND resolved_at >= @To AND opened_at < @To AND state <> 'deleted')
        """;

    private const string CountChannelOpenAt = """
        SELECT (SELECT COUNT(*) FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND state = 'open' AND opened_at < @To)
             + (SELECT COUNT(*) FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND resolved_at >= @To AND opened_at < @To AND state <> 'deleted')
        """;

    private const string SelectDecisions = """
        SELECT channel_id AS ChannelId, ts AS Ts, user_id AS UserId, at AS At, excerpt AS Excerpt
        FROM decisions
        WHERE team_id = @TeamId AND at >= @From AND at < @To
        ORDER BY at
        """;

    /// <summary>What the figures of [<paramref name="from"/>, <paramref name="to"/>) need; no channels: the whole workspace.</summary>
    public async Task<PeriodData> PeriodAsync(string teamId, IReadOnlyCollection<string> channelIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        var args = new Args(teamId, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        await using var connection = await db.OpenAsync(ct);
        bool Covered(string channelId) => channelIds.Count == 0 || channelIds.Contains(channelId);
        var days = (await ChannelDays.SumAsync(connection, teamId, args.From, args.To)).Where(d => Covered(d.Key)).Select(d => d.Value).ToList();
        var nudges = (await ChannelDays.SumNudgesAsync(connection, teamId, args.From, args.To)).Where(n => Covered(n.ChannelId)).ToList();

        var settled = new SettledCountsRow();
        var replies = new List<long>();
        var unsettled = new List<AskRow>();
        long stillOpen = 0;
        foreach (var (channelArgs, channel) in PerChannel(channelIds, args))
        {
            var counts = await connection.QuerySingleAsync<SettledCountsRow>(Sql(channel, SelectSettled, SelectChannelSettled), channelArgs);
            settled = new SettledCountsRow { Answered = settled.Answered + counts.Answered, Within = settled.Within + counts.Within, JudgedUnanswered = settled.JudgedUnanswered + counts.JudgedUnanswered };
            await ReadLongsAsync(connection, Sql(channel, SelectReplies, SelectChannelReplies), channelArgs, replies, ct);
            unsettled.AddRange(await ReadAsksAsync(connection, Sql(channel, SelectUnsettled, SelectChannelUnsettled), channelArgs, ct));
            stillOpen += await connection.ExecuteScalarAsync<long>(Sql(channel, CountOpenAt, CountChannelOpenAt), channelArgs);
        }

        return new PeriodData(
            days.Sum(d => d.Opened), settled.Answered, settled.Within, settled.JudgedUnanswered, [.. replies], unsettled, stillOpen, days.Sum(d => d.Decisions),
            nudges.GroupBy(n => n.Rule, StringComparer.Ordinal).Where(g => g.Sum(n => n.Sent) > 0).ToDictionary(g => g.Key, g => (int)g.Sum(n => n.Sent), StringComparer.Ordinal),
            (int)nudges.Sum(n => n.Observed));
    }

    /// <summary>The asks open at <paramref name="to"/>, with the excerpt a digest quotes.</summary>
    public async Task<IReadOnlyList<AskRow>> OpenAtAsync(string teamId, IReadOnlyCollection<string> channelIds, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        await using var connection = await db.OpenAsync(ct);
        var open = new List<AskRow>();
        foreach (var (channelArgs, channel) in PerChannel(channelIds, new Args(teamId, 0, to.ToUnixTimeMilliseconds())))
        {
            open.AddRange(await ReadAsksAsync(connection, Sql(channel, SelectOpenAt, SelectChannelOpenAt), channelArgs, ct));
        }

        return open;
    }

    public async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(string teamId, IReadOnlyCollection<string> channelIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<DecisionDto>(new CommandDefinition(SelectDecisions, new Args(teamId, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()), cancellationToken: ct));

        // Filtering the channel list in memory keeps the SQL identical on SQLite and PostgreSQL (no array parameters).
        return rows.Where(d => channelIds.Count == 0 || channelIds.Contains(d.ChannelId)).Select(d => new DecisionRow(d.ChannelId, d.Ts, d.UserId, d.At, d.Excerpt)).ToList();
    }

    // A digest's few channels are read one by one on the channel indexes; the workspace at once.
    private static IEnumerable<(object Args, string? Channel)> PerChannel(IReadOnlyCollection<string> channelIds, Args args) =>
        channelIds.Count == 0
            ? [(args, null)]
            : channelIds.Distinct().Select(c => ((object)new { args.TeamId, args.From, args.To, ChannelId = c }, (string?)c));

    private static string Sql(string? channel, string workspace, string oneChannel) => channel is null ? workspace : oneChannel;

    /// <summary>Reads <see cref="AskRow"/>s from a query naming its columns as AskRow does (the raw-row checks use it too).</summary>
    public static async Task<List<AskRow>> ReadAsksAsync(DbConnection connection, string sql, object args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var asks = new List<AskRow>();
        await foreach (var a in connection.QueryUnbufferedAsync<AskDto>(sql, args).WithCancellation(ct))
        {
            asks.Add(new AskRow(a.ChannelId, a.Ts, a.AskerId, a.Excerpt, a.State, a.OpenedAt, a.FirstReplyAt, a.ResolvedAt, a.AssigneeId));
        }

        return asks;
    }

    // Hundreds of thousands of values at 1M asks: read straight off the reader, no row objects.
    private static async Task ReadLongsAsync(DbConnection connection, string sql, object args, List<long> into, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            into.Add(reader.GetInt64(0));
        }
    }

    private sealed record Args(string TeamId, long From, long To);

    // Settable properties rather than constructor parameters: Dapper converts a column's integer width into a long
    // property (SQLite hands back Int64, PostgreSQL's INTEGER an Int32), but matches constructor parameters only exactly.
    private sealed class SettledCountsRow
    {
        public long Answered { get; set; }

        public long Within { get; set; }

        public long JudgedUnanswered { get; set; }
    }

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
}
