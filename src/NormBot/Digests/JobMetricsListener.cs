using Prometheus;
using Quartz;

namespace NormBot.Digests;

/// <summary>Job runs, failures and durations on <c>/metrics</c>, labelled by job group (digest, norms).</summary>
public sealed class JobMetricsListener : IJobListener
{
    private static readonly Counter Runs = Metrics.CreateCounter(
        "normbot_job_runs_total", "Scheduled job executions, by job group.", new CounterConfiguration { LabelNames = ["job"] });

    private static readonly Counter Failures = Metrics.CreateCounter(
        "normbot_job_failures_total", "Scheduled job executions that threw, by job group.", new CounterConfiguration { LabelNames = ["job"] });

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "normbot_job_duration_seconds", "How long scheduled jobs ran, by job group.", new HistogramConfiguration
        {
            LabelNames = ["job"],
            Buckets = Histogram.ExponentialBuckets(0.005, 2, 14),
        });

    public string Name => nameof(JobMetricsListener);

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = Label(context.JobDetail.Key);
        Runs.WithLabels(job).Inc();
        if (jobException is not null)
        {
            Failures.WithLabels(job).Inc();
        }

        Duration.WithLabels(job).Observe(context.JobRunTime.TotalSeconds);
        return ValueTask.CompletedTask;
    }

    // The group, not the name: digest jobs are named per team and target, which would make a label per schedule.
    private static string Label(JobKey key) => key.Group == OverdueScanJob.Key.Group ? key.Name : key.Group;
}
