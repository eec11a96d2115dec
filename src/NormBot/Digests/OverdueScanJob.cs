using NormBot.Norms.Overdue;
using Quartz;

namespace NormBot.Digests;

/// <summary>Runs one overdue scan (PRODUCT §6) every <c>Jobs:OverdueScanInterval</c>; the work is <see cref="OverdueScanner"/>'s.</summary>
[DisallowConcurrentExecution]
public sealed class OverdueScanJob(OverdueScanner scanner) : IJob
{
    public static readonly JobKey Key = new("overdue-scan", "norms");

    public static readonly TriggerKey TriggerKey = new("overdue-scan-interval", "norms");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await scanner.ScanAsync(cancellationToken);
    }
}
