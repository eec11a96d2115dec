using Microsoft.Extensions.Options;
using NormBot.Digests;
using NormBot.Norms.Context;
using NormBot.Norms.Overdue;

namespace NormBot.Norms;

/// <summary>
/// Wakes every few seconds for missing-context nudges whose grace has passed, and every
/// <c>Jobs:OverdueScanInterval</c> for the overdue scan. Waits through the injected clock.
/// </summary>
public sealed partial class RuleTimers(
    IServiceScopeFactory scopes, IOptions<JobsOptions> jobs, TimeProvider time, ILogger<RuleTimers> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextOverdue = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ContextGraceScanner>().ScanAsync(stoppingToken);
                if (time.GetUtcNow() >= nextOverdue)
                {
                    nextOverdue = time.GetUtcNow() + jobs.Value.OverdueScanInterval;
                    await scope.ServiceProvider.GetRequiredService<OverdueScanner>().ScanAsync(stoppingToken);
                }
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
        [LoggerMessage(Level = LogLevel.Error, Message = "Rule timer pass failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
