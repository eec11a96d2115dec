using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NormBot.Storage;

/// <summary>
/// Applies the numbered .sql files embedded under Storage/Migrations, each once, recorded in
/// <c>schema_migrations</c>. A file named <c>NNNN_name.sql</c> runs on every provider;
/// <c>NNNN_name.sqlite.sql</c> / <c>NNNN_name.postgres.sql</c> only on that one.
/// </summary>
public sealed partial class MigrationRunner(Db db, TimeProvider time, ILogger<MigrationRunner> logger)
{
    // Any constant works; it only has to be the same in every replica.
    private const long PostgresLockKey = 0x4E6F726D426F74;

    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """;

    public static IReadOnlyList<Migration> Embedded(bool postgres)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        const string prefix = "NormBot.Storage.Migrations.";
        var skip = postgres ? ".sqlite.sql" : ".postgres.sql";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal) && !n.EndsWith(skip, StringComparison.Ordinal))
            .Select(n => Migration.FromResource(assembly, n, n[prefix.Length..]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Brings the schema up to date; safe when several processes call it at once.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var migrations = Embedded(db.IsPostgres);
        await using var connection = await db.OpenAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL is a property of the file; it cannot be switched inside a transaction.
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        }

        await using var tx = await BeginLockedAsync(connection, ct);
        await connection.ExecuteAsync(CreateJournal, transaction: tx);
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations", transaction: tx)).ToHashSet();
        var count = 0;
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = time.GetUtcNow().ToUnixTimeMilliseconds() },
                tx);
            Log.Applied(logger, migration.Version, migration.Name);
            count++;
        }

        await tx.CommitAsync(ct);
        return count;
    }

    private static async Task<DbTransaction> BeginLockedAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            // BEGIN IMMEDIATE takes the write lock up front, so a second process waits here
            // (busy timeout) and then sees the journal rows the first one wrote.
            return sqlite.BeginTransaction(deferred: false);
        }

        var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = PostgresLockKey }, tx);
        return tx;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
        public static partial void Applied(ILogger logger, long version, string name);
    }
}

/// <summary>One embedded schema change.</summary>
public sealed record Migration(long Version, string Name, string Sql)
{
    public static Migration FromResource(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = long.Parse(fileName[..underscore], System.Globalization.CultureInfo.InvariantCulture);
        var name = fileName[(underscore + 1)..].Replace(".sqlite.sql", "", StringComparison.Ordinal)
            .Replace(".postgres.sql", "", StringComparison.Ordinal).Replace(".sql", "", StringComparison.Ordinal);
        return new Migration(version, name, reader.ReadToEnd());
    }
}
