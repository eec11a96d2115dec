using System.Data.Common;
using Dapper;

namespace NormBot.Norms;

/// <summary>
/// The per-channel, per-UTC-day sums of asks, decisions and nudges (0013_channel_days.sql), kept by the stores in the
/// transaction of each write that changes them, so that digests, stats and the Home tab add up a period's days
/// instead of reading its rows. A period rarely starts at midnight: its whole days come from the table and the partial
/// days at its edges from the rows, through the same sums (<see cref="SumAsync"/>).
/// </summary>
public static class ChannelDays
{
    public const long DayMs = 86_400_000;

    private const string AddDay = """
        INSERT INTO channel_days (team_id, channel_id, day, asks, deleted, opened_sum, replied, replied_sum, decisions)
        VALUES (@TeamId, @ChannelId, @Day, @Asks, @Deleted, @OpenedSum, @Replied, @RepliedSum, @Decisions)
        ON CONFLICT (team_id, channel_id, day) DO UPDATE SET
            asks = channel_days.asks + excluded.asks, deleted = channel_days.deleted + excluded.deleted,
            opened_sum = channel_days.opened_sum + excluded.opened_sum, replied = channel_days.replied + excluded.replied,
            replied_sum = channel_days.replied_sum + excluded.replied_sum, decisions = channel_days.decisions + excluded.decisions
        """;

    private const string AddNudgeDay = """
        INSERT INTO channel_day_nudges (team_id, channel_id, day, rule, sent, observed)
        VALUES (@TeamId, @ChannelId, @Day, @Rule, @Sent, @Observed)
        ON CONFLICT (team_id, channel_id, day, rule) DO UPDATE SET
            sent = channel_day_nudges.sent + excluded.sent, observed = channel_day_nudges.observed + excluded.observed
        """;

    // The sums of rows, by channel and day: the partial days of a period, and what retention rebuilds (as 0013 did).
    private const string AskSumsOf = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, opened_at - opened_at % 86400000 AS Day, COUNT(*) AS Asks,
               CAST(SUM(CASE WHEN state = 'deleted' THEN 1 ELSE 0 END) AS BIGINT) AS Deleted, CAST(SUM(opened_at) AS BIGINT) AS OpenedSum,
               COUNT(first_reply_at) AS Replied, CAST(COALESCE(SUM(first_reply_at), 0) AS BIGINT) AS RepliedSum, 0 AS Decisions
        FROM asks WHERE
        """;

    private const string ByAskDay = "GROUP BY team_id, channel_id, opened_at - opened_at % 86400000";

    private const string DecisionSumsOf = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, at - at % 86400000 AS Day, 0 AS Asks, 0 AS Deleted, 0 AS OpenedSum,
               0 AS Replied, 0 AS RepliedSum, COUNT(*) AS Decisions
        FROM decisions WHERE
        """;

    private const string NudgeSumsOf = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, at - at % 86400000 AS Day, rule AS Rule,
               CAST(SUM(1 - observed) AS BIGINT) AS Sent, CAST(SUM(observed) AS BIGINT) AS Observed
        FROM nudges WHERE
        """;

    private const string ByDay = "GROUP BY team_id, channel_id, at - at % 86400000";

    private const string EdgeAskSums = $"{AskSumsOf} team_id = @TeamId AND opened_at >= @From AND opened_at < @To {ByAskDay}";

    private const string EdgeDecisionSums = $"{DecisionSumsOf} team_id = @TeamId AND at >= @From AND at < @To {ByDay}";

    private const string EdgeNudgeSums = $"{NudgeSumsOf} team_id = @TeamId AND at >= @From AND at < @To {ByDay}, rule";

    private const string RebuiltAskSums = $"{AskSumsOf} opened_at < @Until {ByAskDay}";

    private const string RebuiltDecisionSums = $"{DecisionSumsOf} at < @Until {ByDay}";

    private const string RebuiltNudgeSums = $"{NudgeSumsOf} at < @Until {ByDay}, rule";

    private const string StoredDays = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, day AS Day, asks AS Asks, deleted AS Deleted, opened_sum AS OpenedSum,
               replied AS Replied, replied_sum AS RepliedSum, decisions AS Decisions
        FROM channel_days WHERE team_id = @TeamId AND day >= @From AND day < @To
        """;

    private const string StoredNudgeDays = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, day AS Day, rule AS Rule, sent AS Sent, observed AS Observed
        FROM channel_day_nudges WHERE team_id = @TeamId AND day >= @From AND day < @To
        """;

    public static long DayOf(long atMs) => atMs - (atMs % DayMs);

    /// <summary>Adds <paramref name="change"/> to the day of <paramref name="atMs"/> (an ask's opening, a decision's time).</summary>
    public static Task AddAsync(DbConnection connection, DbTransaction tx, string teamId, string channelId, long atMs, DaySums change)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(change);
        return connection.ExecuteAsync(AddDay, change with { TeamId = teamId, ChannelId = channelId, Day = DayOf(atMs) }, tx);
    }

    public static Task AddNudgeAsync(DbConnection connection, DbTransaction tx, string teamId, string channelId, long atMs, string rule, bool observed)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteAsync(AddNudgeDay, new { TeamId = teamId, ChannelId = channelId, Day = DayOf(atMs), Rule = rule, Sent = observed ? 0 : 1, Observed = observed ? 1 : 0 }, tx);
    }

    /// <summary>The sums of [<paramref name="from"/>, <paramref name="to"/>) per channel: whole days from the table, the edges from the rows.</summary>
    public static async Task<IReadOnlyDictionary<string, DaySums>> SumAsync(DbConnection connection, string teamId, long from, long to)
    {
        var rows = await PeriodRowsAsync<DaySums>(connection, teamId, from, to, StoredDays, EdgeAskSums, EdgeDecisionSums);
        return rows.GroupBy(r => r.ChannelId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Aggregate((a, b) => a.Plus(b)), StringComparer.Ordinal);
    }

    /// <summary>The nudges of [<paramref name="from"/>, <paramref name="to"/>) per channel and rule, whole days from the table.</summary>
    public static async Task<IReadOnlyList<NudgeDaySums>> SumNudgesAsync(DbConnection connection, string teamId, long from, long to) =>
        await PeriodRowsAsync<NudgeDaySums>(connection, teamId, from, to, StoredNudgeDays, EdgeNudgeSums);

    // The stored rows of a period's whole days, then the sums of its partial edge days worked out from the rows.
    private static async Task<List<T>> PeriodRowsAsync<T>(DbConnection connection, string teamId, long from, long to, string storedDays, params string[] edgeSums)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (days, edges) = Split(from, to);
        var rows = new List<T>();
        if (days is var (first, last))
        {
            rows.AddRange(await connection.QueryAsync<T>(storedDays, new { TeamId = teamId, From = first, To = last }));
        }

        foreach (var (edgeFrom, edgeTo) in edges)
        {
            foreach (var sql in edgeSums)
            {
                rows.AddRange(await connection.QueryAsync<T>(sql, new { TeamId = teamId, From = edgeFrom, To = edgeTo }));
            }
        }

        return rows;
    }

    /// <summary>Works out again every day before <paramref name="until"/> (a day start) from the rows that remain: retention cut into them.</summary>
    public static async Task RebuildAsync(DbConnection connection, DbTransaction? tx, long until)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var args = new { Until = until };
        await connection.ExecuteAsync("DELETE FROM channel_days WHERE day < @Until", args, tx);
        await connection.ExecuteAsync("DELETE FROM channel_day_nudges WHERE day < @Until", args, tx);
        foreach (var sums in new[] { RebuiltAskSums, RebuiltDecisionSums })
        {
            foreach (var row in await connection.QueryAsync<DaySums>(sums, args, tx))
            {
                await connection.ExecuteAsync(AddDay, row, tx);
            }
        }

        foreach (var row in await connection.QueryAsync<NudgeDaySums>(RebuiltNudgeSums, args, tx))
        {
            await connection.ExecuteAsync(AddNudgeDay, row, tx);
        }
    }

    /// <summary>A period as whole days [First, Last) and the partial days at its edges; a period within one day is all edge.</summary>
    public static ((long First, long Last)? Days, IReadOnlyList<(long From, long To)> Edges) Split(long from, long to)
    {
        var first = from % DayMs == 0 ? from : DayOf(from) + DayMs;
        var last = DayOf(to);
        if (first >= last)
        {
            return (null, from < to ? [(from, to)] : []);
        }

        var edges = new List<(long, long)>();
        if (from < first)
        {
            edges.Add((from, first));
        }

        if (last < to)
        {
            edges.Add((last, to));
        }

        return ((first, last), edges);
    }
}
