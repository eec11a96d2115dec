using NormBot.Norms.Asks;
using NormBot.Norms.Overdue;
using Quartz;

namespace NormBot.Digests;

/// <summary>
/// Runs one overdue scan (PRODUCT §6) every <c>Jobs:OverdueScanInterval</c>: reminders and escalations
/// (<see cref="OverdueScanner"/>), and the note to askers whose question to anyone went unanswered (<see cref="UnassignedAskFollowUp"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class OverdueScanJob(OverdueScanner scanner, UnassignedAskFollowUp unanswered) : IJob
{
    public static readonly JobKey Key = new("overdue-scan", "norms");

    public static readonly TriggerKey TriggerKey = new("overdue-scan-interval", "norms");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await scanner.ScanAsync(cancellationToken) + await unanswered.ScanAsync(cancellationToken);
    }
}
