using Microsoft.Data.Sqlite;
using Prometheus;

namespace NormBot.Storage;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background. Left to SQLite, the connection
/// whose commit takes the log past 1,000 pages copies it back there and syncs, inside that commit: under a
/// flood of new events that was the inbox writer every fraction of a second, and every acknowledgement
/// waiting on that commit waited for the copy too (most of the event handler's p99 under a flood). A passive
/// checkpoint takes no lock that writers or readers wait for.
/// </summary>
public sealed partial class WalCheckpointer(Db db, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>A few MB of log at the inbox's peak write rate, a fraction of <see cref="Db.AutoCheckpointPages"/>.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "normbot_sqlite_checkpoint_seconds", "Background WAL checkpoints.", new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.IsPostgres)
        {
            return;
        }

        // Real time: this paces disk work, not anything a user sees on the app's clock.
        using var timer = new PeriodicTimer(Every, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // SQLite still checkpoints on its own once the log reaches AutoCheckpointPages.
                Log.Failed(logger, ex);
            }
        }
    }

    /// <summary>One passive checkpoint; returns the log's frames and how many of them are now in the database file.</summary>
    public async Task<(long LogFrames, long Checkpointed)> CheckpointAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        // Not through Db.OpenAsync: its gate would hold every store (the inbox writer first) for the copy.
        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (logFrames, checkpointed) = (reader.GetInt64(1), reader.GetInt64(2));
        Duration.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return (logFrames, checkpointed);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; SQLite will checkpoint on commit instead")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
