using NormBot.Storage;
using Quartz;

namespace NormBot.Digests;

/// <summary>Applies <c>Storage:RetentionDays</c> every hour; the work is <see cref="RetentionService"/>'s.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionService retention) : IJob
{
    public static readonly JobKey Key = new("retention", "storage");

    public static readonly TriggerKey TriggerKey = new("retention-hourly", "storage");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await retention.PurgeAsync(cancellationToken);
    }
}
