using Microsoft.Data.Sqlite;
using Prometheus;

namespace NormBot.Storage;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background, and under a flood restarts it, so the
/// inbox writer's commits never do either. Left to SQLite, the commit that takes the log past its threshold copies
/// the log back and syncs, inside that commit, and every acknowledgement waiting on it waits for the copy.
/// </summary>
/// <remarks>
/// A passive checkpoint takes no lock that writers or readers wait for, but it cannot restart the log: only a write
/// that finds the log fully copied does, and under a flood every write finds new frames. So a pass that finds a long
/// log copies it twice without locks (the second time only what was written during the first), then holds the
/// stores back at <see cref="Db"/>'s gate for a restart checkpoint of the last few frames: a few milliseconds in
/// which the next write starts the log again from its beginning. Without that step the log grew to SQLite's
/// threshold and a commit there stalled the event path for 10-35 ms, several times a second.
/// The passes are frequent and the restarts rare: each restart is a stall of its own (it syncs the database file
/// while the stores wait), whereas a pass only copies.
/// </remarks>
public sealed partial class WalCheckpointer(Db db, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>
    /// Often enough that a flood of new events (about 20,000 pages of log a second on the development machine) adds a
    /// few thousand pages between passes: the copies stay small, and the log never nears
    /// <see cref="Db.AutoCheckpointPages"/>.
    /// </summary>
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// About 64 MB of log. Below it a pass only copies: at any write rate short of a flood, the next write finds the
    /// log copied and restarts it itself. Above it, under a flood, a pass restarts the log about once a second.
    /// At 1,000 pages the restart (and its stall of the stores) came with every pass, twice a second.
    /// </summary>
    public const long RestartAbovePages = 16_000;

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "normbot_sqlite_checkpoint_seconds", "Background WAL checkpoints.", new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    private static readonly Histogram StoresHeld = Metrics.CreateHistogram(
        "normbot_sqlite_checkpoint_stores_held_seconds", "Time the stores waited for a background WAL restart.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        db.IsPostgres
            ? Task.CompletedTask
            // Its own thread: a pass is tens of milliseconds of blocking file I/O (Microsoft.Data.Sqlite is synchronous
            // under its async methods), which on the thread pool would take one of the few threads that answer Slack.
            : Task.Factory.StartNew(() => Loop(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>One pass: returns the log's frames and how many of them are now in the database file, and whether the log will restart.</summary>
    public CheckpointPass Checkpoint(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        // Not through Db.OpenAsync: its gate would hold every store (the inbox writer first) for the copy.
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        var pass = Pragma(connection, "PASSIVE");
        if (pass.LogFrames > RestartAbovePages)
        {
            Pragma(connection, "PASSIVE");
            var held = System.Diagnostics.Stopwatch.GetTimestamp();
            using (db.HoldStores(ct))
            {
                pass = Pragma(connection, "RESTART");
            }

            StoresHeld.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(held).TotalSeconds);
        }

        Duration.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return pass;
    }

    private void Loop(CancellationToken ct)
    {
        // Real time: this paces disk work, not anything a user sees on the app's clock.
        while (!ct.WaitHandle.WaitOne(Every))
        {
            try
            {
                Checkpoint(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // SQLite still checkpoints on its own once the log reaches AutoCheckpointPages.
                Log.Failed(logger, ex);
            }
        }
    }

    private static CheckpointPass Pragma(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        using var reader = command.ExecuteReader();
        reader.Read();

        // busy = 1 when a reader or writer kept the checkpoint from finishing (a restart then copies what it can, as a
        // passive one does); SQLite calls no busy handler here, since Microsoft.Data.Sqlite sets none.
        return new CheckpointPass(reader.GetInt64(1), reader.GetInt64(2), Restarts: mode == "RESTART" && reader.GetInt64(0) == 0);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; SQLite will checkpoint on commit instead")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}

/// <param name="LogFrames">Frames in the log (-1 if the database is not in WAL mode).</param>
/// <param name="Checkpointed">Of those, how many are now in the database file.</param>
/// <param name="Restarts">The next write starts the log again from its beginning.</param>
public readonly record struct CheckpointPass(long LogFrames, long Checkpointed, bool Restarts);
