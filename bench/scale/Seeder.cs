using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NormBot.Storage;

namespace NormBot.Bench.Scale;

/// <summary>
/// Bulk-inserts <see cref="ScaleData"/> into the tables the app's migrations made: one prepared INSERT in one
/// transaction on SQLite, COPY on PostgreSQL. The same tables and columns the stores write, nothing of its own.
/// </summary>
public static class Seeder
{
    public static async Task SeedAsync(IServiceProvider services, ScaleData data, CancellationToken ct)
    {
        var db = services.GetRequiredService<Db>();

        // People first: the asks' outcomes are worked out in their time (SeededFigures), from their stored profiles.
        await SeedTablesAsync(db, [("user_profiles", ScaleData.ProfileColumns, data.Profiles()), ("leaders", ScaleData.LeaderColumns, data.Leaders())], ct);
        var figures = await SeededFigures.PrepareAsync(services.GetRequiredService<NormBot.Digests.AskOutcomes>(), data, ct);

        // The generator is deterministic: it runs once per table rather than holding a million rows.
        var asks = data.BusyAsks().Select(b => figures.Ask(b.Ask, (string)b.Assignee[3]!)).Concat(data.SmallAsks().Select(a => figures.Ask(a, null)));
        await SeedTablesAsync(db, [
            ("asks", [.. ScaleData.AskColumns, .. SeededFigures.OutcomeColumns], asks),
            ("ask_assignees", ScaleData.AssigneeColumns, data.BusyAsks().Select(b => b.Assignee)),
            ("decisions", ScaleData.DecisionColumns, data.Decisions().Select(figures.Decision)),
            ("nudges", ScaleData.NudgeColumns, data.Nudges().Select(figures.Nudge)),
        ], ct);
        await SeedTablesAsync(db, [("channel_days", SeededFigures.DayColumns, figures.Days()), ("channel_day_nudges", SeededFigures.NudgeDayColumns, figures.NudgeDays())], ct);

        if (db.IsPostgres)
        {
            // VACUUM too: index-only scans (the settled asks' figures) need the visibility map of freshly copied rows.
            await using var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync(ct);
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }
        else
        {
            using var connection = new SqliteConnection(db.ConnectionString);
            connection.Open();
            using var analyze = new SqliteCommand("ANALYZE", connection);
            analyze.ExecuteNonQuery();
        }

        await using (var check = await db.OpenAsync(ct))
        {
            await SeededFigures.CheckAsync(check, ct);
        }

        await SeededFigures.CheckDigestAsync(services, data.Now, ct);
    }

    private static async Task SeedTablesAsync(Db db, IEnumerable<(string Table, string[] Columns, IEnumerable<object?[]> Rows)> tables, CancellationToken ct)
    {
        foreach (var (table, columns, rows) in tables)
        {
            var started = DateTime.UtcNow;
            var count = db.IsPostgres ? await CopyAsync(db, table, columns, rows, ct) : Insert(db, table, columns, rows);
            Console.Error.WriteLine($"  seeded {count,9:N0} rows into {table} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        }
    }

    private static int Insert(Db db, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        insert.Prepare();
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
            count++;
        }

        tx.Commit();
        return count;
    }

    private static async Task<int> CopyAsync(Db db, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(ct);
        var count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var value in row)
                {
                    await (value switch
                    {
                        null => copy.WriteNullAsync(ct),
                        long l => copy.WriteAsync(l, NpgsqlTypes.NpgsqlDbType.Bigint, ct),
                        string s => copy.WriteAsync(s, NpgsqlTypes.NpgsqlDbType.Text, ct),
                        _ => throw new InvalidOperationException($"No COPY type for {value.GetType()}"),
                    });
                }

                count++;
            }

            await copy.CompleteAsync(ct);
        }

        return count;
    }

    /// <summary>True when the store already holds this size's busy workspace (seeded by an earlier run).</summary>
    public static async Task<long> BusyAsksAsync(DbConnection connection, CancellationToken ct)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM asks WHERE team_id = '{ScaleData.BusyTeam}'";
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
