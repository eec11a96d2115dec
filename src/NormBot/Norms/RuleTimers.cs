using NormBot.Norms.Context;

namespace NormBot.Norms;

/// <summary>
/// Wakes every few seconds for missing-context nudges whose grace has passed: context-grace is about a
/// minute, too short for the overdue scan's schedule (that one is a Quartz job, Digests/OverdueScanJob).
/// Waits through the injected clock.
/// </summary>
public sealed partial class RuleTimers(IServiceScopeFactory scopes, TimeProvider time, ILogger<RuleTimers> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private volatile bool _scanning;
    private long _passes;

    /// <summary>
    /// True while a pass runs: the demo (which moves the clock faster than real time) reads this, and
    /// <see cref="Passes"/>, to know a pass may still be queueing a nudge.
    /// </summary>
    public bool Scanning => _scanning;

    /// <summary>Passes started so far.</summary>
    public long Passes => Interlocked.Read(ref _passes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _scanning = true;
            Interlocked.Increment(ref _passes);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ContextGraceScanner>().ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, ex);
            }
            finally
            {
                _scanning = false;
            }

            await Task.Delay(Tick, time, stoppingToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Context grace pass failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
