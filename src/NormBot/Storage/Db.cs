using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NormBot.Storage;

/// <summary>Opens connections to the configured store; every store class goes through it.</summary>
public sealed class Db : IDisposable
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Prepared = [];

    private static readonly object Marker = new();

    // SQLite has one writer at a time; when two connections of this process collide, Microsoft.Data.Sqlite
    // sleeps 150 ms and retries. One connection at a time per process queues them fairly instead (WAL keeps each
    // use short): in bench/run.sh without it the event path's p99 at 64 connections was 3.8x the floor's instead of
    // 3.0x, and its slowest acks 0.7-1.4 s instead of 0.3 (docs/benchmark.md). No store opens a second
    // connection while holding one; the timeout below is only a safety net against that mistake, and it fails the
    // caller (a TimeoutException, which the inbox retries as a busy database) rather than opening a connection ungated.
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;

    public Db(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        IsPostgres = StorageProviders.IsPostgres(o.Provider);
        _connectionString = IsPostgres ? PreparePostgres(o.ConnectionString) : PrepareSqlite(o.ConnectionString, out _dataFile);
    }

    private readonly string? _dataFile;

    /// <summary>The SQLite database's file (full path), or null on PostgreSQL or an in-memory database.</summary>
    public string? DataFile => _dataFile;

    public bool IsPostgres { get; }

    /// <summary>The connection string as prepared for the provider (SQLite: data folder created, busy timeout set).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>
    /// A data source on the same database for a library that pools its own connections (Quartz's store); its
    /// connections do not pass through the SQLite gate, as Quartz's never did.
    /// </summary>
    public DbDataSource CreateDataSource() =>
        IsPostgres ? CreatePostgresDataSource() : SqliteFactory.Instance.CreateDataSource(_connectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (IsPostgres)
        {
            return await OpenPostgresAsync(ct);
        }

        if (!await _gate.WaitAsync(GateTimeout, ct))
        {
            throw new TimeoutException($"The SQLite store stayed busy for {GateTimeout.TotalSeconds:0} s (a connection was held that long)");
        }

        return OpenSqlite();
    }

    /// <summary>Opens a SQLite connection; the caller holds the gate, and closing the connection releases it.</summary>
    private SqliteConnection OpenSqlite()
    {
        var held = 1;
        void Release()
        {
            if (Interlocked.Exchange(ref held, 0) == 1)
            {
                _gate.Release();
            }
        }

        var connection = new SqliteConnection(_connectionString);
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState == System.Data.ConnectionState.Closed)
            {
                Release();
            }
        };
        try
        {
            connection.Open();
        }
        catch
        {
            Release();
            connection.Dispose();
            throw;
        }

        if (Prepared.TryAdd(connection.Handle!, Marker))
        {
            // synchronous is per physical connection (WAL itself is persistent). Pooled opens reuse the handle, so
            // set it once per handle rather than on every open of the hot path.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        return connection;
    }

    public void Dispose() => _gate.Dispose();

    // The Npgsql types are only named in these methods, so that a SQLite deployment never loads Npgsql
    // (compiling a method loads the types it names).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private async Task<DbConnection> OpenPostgresAsync(CancellationToken ct)
    {
        var postgres = new NpgsqlConnection(_connectionString);
        await postgres.OpenAsync(ct);
        return postgres;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private NpgsqlDataSource CreatePostgresDataSource() => NpgsqlDataSource.Create(_connectionString);

    // PostgreSQL compiles a query whose estimated cost passes jit_above_cost: at 1M asks that added 80-300 ms to each of
    // a report's larger reads, which finish in about 100 ms without it. Off for NormBot's sessions unless the
    // connection string names Options itself (an empty `Options=` sends none, for PgBouncer).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string PreparePostgres(string connectionString)
    {
        // Read as written: the connection string builders drop an empty key.
        if (System.Text.RegularExpressions.Regex.IsMatch(connectionString, @"(^|;)\s*Options\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c jit=off" }.ConnectionString;
    }

    private static string PrepareSqlite(string connectionString, out string? dataFile)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        var isFile = builder.Mode != SqliteOpenMode.Memory && source.Length > 0 && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal);
        dataFile = isFile ? Path.GetFullPath(source) : null;
        if (isFile && Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
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
