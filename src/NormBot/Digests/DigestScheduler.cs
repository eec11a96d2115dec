using Quartz;

namespace NormBot.Digests;

/// <summary>Puts digest schedules into Quartz's persistent store and takes them out again.</summary>
public sealed class DigestScheduler(ISchedulerFactory schedulers)
{
    /// <summary>Schedules (or replaces) the digest to a target; returns its next fire time.</summary>
    public async Task<DateTimeOffset?> ScheduleAsync(DigestScheduleRow row, TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<DigestJob>()
            .WithIdentity(DigestJob.Key(row.TeamId, row.TargetChannelId))
            .WithDescription($"Digest to {row.TargetChannelId}: {row.Description}")
            .UsingJobData(DigestJob.TeamIdKey, row.TeamId)
            .UsingJobData(DigestJob.TargetKey, row.TargetChannelId)
            .UsingJobData(DigestJob.ChannelsKey, row.Channels)
            .UsingJobData(DigestJob.FrequencyKey, row.Frequency)
            .Build();

        // A digest missed while the bot was down is posted once when it returns ("fire once now"), not once per miss.
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(DigestJob.TriggerKeyFor(row.TeamId, row.TargetChannelId))
            .ForJob(job)
            .WithCronSchedule(row.CronExpression, cron => cron
                .InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
        return (await scheduler.GetTrigger(trigger.Key, ct))?.NextFireTimeUtc;
    }

    /// <summary>Returns whether a schedule was removed.</summary>
    public async Task<bool> UnscheduleAsync(string teamId, string targetChannelId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return await scheduler.DeleteJob(DigestJob.Key(teamId, targetChannelId), ct);
    }

    public async Task<DateTimeOffset?> NextFireAsync(string teamId, string targetChannelId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return (await scheduler.GetTrigger(DigestJob.TriggerKeyFor(teamId, targetChannelId), ct))?.NextFireTimeUtc;
    }
}
