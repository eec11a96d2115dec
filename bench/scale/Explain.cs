using System.Reflection;
using Dapper;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Norms.Overdue;
using NormBot.Protocols.Home;
using NormBot.Storage;

namespace NormBot.Bench.Scale;

/// <summary>
/// The query plans of the measured reads, for docs/scale.md: the stores' own SQL constants (read by reflection, so
/// the plan is of the SQL that runs), with the benchmark's parameters, on the seeded store.
/// </summary>
public static class Explain
{
    private static readonly (Type Store, string Query)[] Queries =
    [
        (typeof(OverdueStore), "DueReminders"),
        (typeof(OverdueStore), "DueEscalations"),
        (typeof(DigestDataStore), "SelectSettled"),
        (typeof(DigestDataStore), "SelectChannelSettled"),
        (typeof(DigestDataStore), "SelectReplies"),
        (typeof(DigestDataStore), "SelectChannelReplies"),
        (typeof(DigestDataStore), "SelectUnsettled"),
        (typeof(DigestDataStore), "SelectChannelUnsettled"),
        (typeof(DigestDataStore), "CountOpenAt"),
        (typeof(DigestDataStore), "CountChannelOpenAt"),
        (typeof(DigestDataStore), "SelectOpenAt"),
        (typeof(DigestDataStore), "SelectChannelOpenAt"),
        (typeof(DigestDataStore), "SelectDecisions"),
        (typeof(ChannelDays), "StoredDays"),
        (typeof(ChannelDays), "StoredNudgeDays"),
        (typeof(ChannelDays), "EdgeAskSums"),
        (typeof(ChannelDays), "EdgeDecisionSums"),
        (typeof(ChannelDays), "EdgeNudgeSums"),
        (typeof(HomeQueries), "WaitingOnUser"),
        (typeof(HomeQueries), "AskedByUser"),
        (typeof(HomeQueries), "OpenAssignees"),
    ];

    public static async Task WriteAsync(Db db, ScaleData data, TextWriter output, CancellationToken ct)
    {
        var now = data.Now.ToUnixTimeMilliseconds();
        var day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var args = new DynamicParameters(new
        {
            TeamId = ScaleData.BusyTeam, Now = now, To = now, From = now - (30 * day), Since = now - (7 * day),
            UserId = ScaleData.Leader, Limit = 11, ChannelId = ScaleData.BusiestChannel,
        });
        await using var connection = await db.OpenAsync(ct);
        foreach (var (store, name) in Queries)
        {
            if (store.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() is not string sql)
            {
                continue;
            }

            var plan = await connection.QueryAsync<dynamic>((db.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql, args);
            await output.WriteLineAsync($"-- {store.Name}.{name}");
            foreach (IDictionary<string, object> row in plan)
            {
                await output.WriteLineAsync(db.IsPostgres ? row["QUERY PLAN"]?.ToString() : $"{new string(' ', 2 * Depth(row))}{row["detail"]}");
            }

            await output.WriteLineAsync();
        }
    }

    // EXPLAIN QUERY PLAN rows carry (id, parent); indenting by depth reads like the sqlite3 shell's tree.
    private static readonly Dictionary<long, int> Depths = [];

    private static int Depth(IDictionary<string, object> row)
    {
        var id = Convert.ToInt64(row["id"], System.Globalization.CultureInfo.InvariantCulture);
        var parent = Convert.ToInt64(row["parent"], System.Globalization.CultureInfo.InvariantCulture);
        var depth = parent == 0 ? 0 : Depths.GetValueOrDefault(parent) + 1;
        Depths[id] = depth;
        return depth;
    }
}
