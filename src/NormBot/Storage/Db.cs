using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NormBot.Storage;

/// <summary>Opens connections to the configured store; every store class goes through it.</summary>
public sealed class Db
{
    private readonly string _connectionString;

    public Db(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        IsPostgres = string.Equals(o.Provider, StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);
        _connectionString = IsPostgres ? o.ConnectionString : PrepareSqlite(o.ConnectionString);
    }

    public bool IsPostgres { get; }

    /// <summary>The connection string as prepared for the provider (SQLite: data folder created, busy timeout set), for Quartz's store.</summary>
    public string ConnectionString => _connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        if (!IsPostgres)
        {
            // Per-connection settings: WAL itself is persistent, but synchronous and foreign keys are not.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout, which is what lets two
        // processes (or the inbox writer and a job) share the file without "database is locked" errors.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
