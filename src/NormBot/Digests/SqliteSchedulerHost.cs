using Microsoft.Extensions.Options;
using NormBot.Storage;
using Quartz;

namespace NormBot.Digests;

/// <summary>
/// Starts Quartz on SQLite, in one process per database file. Quartz cannot cluster on SQLite, and two schedulers on one
/// file would each fire, or keep a dead one's acquired triggers forever. So the process that holds an exclusive lock on
/// a file beside the database runs the scheduler; the OS drops the lock when that process ends, however it ends
/// (SIGKILL included), and the next process to take it starts Quartz, whose start-up recovery frees the triggers the
/// dead one had acquired. Each job fires once across processes on one SQLite file (PRODUCT §15).
/// </summary>
public sealed partial class SqliteSchedulerHost(
    ISchedulerFactory schedulers, Db db, IOptions<QuartzHostedServiceOptions> options, ILogger<SqliteSchedulerHost> logger) : BackgroundService
{
    // Real time: how soon a surviving process notices, not anything on the app's clock.
    private static readonly TimeSpan TryEvery = TimeSpan.FromSeconds(2);

    private FileStream? _lock;
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lockPath = db.DataFile is { } file ? file + ".scheduler-lock" : null;
        var waiting = false;
        while (!TryLock(lockPath))
        {
            if (!waiting)
            {
                Log.Waiting(logger, lockPath!);
                waiting = true;
            }

            await Task.Delay(TryEvery, TimeProvider.System, stoppingToken);
        }

        _scheduler = await schedulers.GetScheduler(stoppingToken);
        await _scheduler.Start(stoppingToken);
        if (waiting)
        {
            Log.TookOver(logger);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(options.Value.WaitForJobsToComplete, cancellationToken);
        }

        _lock?.Dispose();
    }

    public override void Dispose()
    {
        _lock?.Dispose();
        base.Dispose();
    }

    private bool TryLock(string? path)
    {
        if (path is null)
        {
            return true; // an in-memory database has one process
        }

        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux, released by the kernel with the process.
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Another process runs the scheduler on this SQLite file ({LockPath}); this one takes over if it stops")]
        public static partial void Waiting(ILogger logger, string lockPath);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The process that ran the scheduler is gone; this one runs it now")]
        public static partial void TookOver(ILogger logger);
    }
}
