using Quartz;

namespace NormBot.Digests;

/// <summary>
/// Whether Quartz still has work the clock has reached: a trigger due and not yet fired, or a job still running.
/// For the demo and the tests, which move an injected clock far faster than real time and must let the scheduler
/// keep up with it.
/// </summary>
public static class ScheduledWork
{
    /// <param name="dueSince">Triggers due before this are not counted (the demo leaves misfired ones to Quartz).</param>
    public static async Task<bool> PendingAsync(IScheduler scheduler, DateTimeOffset now, DateTimeOffset dueSince, CancellationToken ct = default) =>
        await FirstPendingAsync(scheduler, now, dueSince, ct) is not null;

    /// <summary>The first trigger still to fire or finish, as "name (state, due HH:mm:ss)"; null when there is none.</summary>
    /// <param name="dueSince">Triggers due before this are not counted (the demo leaves misfired ones to Quartz).</param>
    public static async Task<string?> FirstPendingAsync(IScheduler scheduler, DateTimeOffset now, DateTimeOffset dueSince, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);

        // Not started yet, paused or stopping: nothing will fire, so there is nothing to wait for.
        if (scheduler.Status != SchedulerStatus.Running)
        {
            return null;
        }

        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct))
        {
            // Quartz 4.7 reports a trigger whose job runs as Executing, and the other triggers of that job as Blocked.
            var state = await scheduler.GetTriggerState(key, ct);
            var next = (await scheduler.GetTrigger(key, ct))?.NextFireTimeUtc;
            if (state is TriggerState.Executing or TriggerState.Blocked || (state == TriggerState.Normal && next <= now && next >= dueSince))
            {
                return $"{key.Name} ({state}, due {next:HH:mm:ss})";
            }
        }

        return null;
    }
}
