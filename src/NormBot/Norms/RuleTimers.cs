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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ContextGraceScanner>().ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, ex);
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
