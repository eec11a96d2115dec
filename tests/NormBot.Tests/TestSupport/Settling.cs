using Microsoft.Extensions.DependencyInjection;
using NormBot.Demo;
using Quartz;

namespace NormBot.Tests.TestSupport;

/// <summary>
/// Waits on facts, never for a fixed time: what the bot still has to do (<see cref="BotWork"/>), read from its database
/// and services at the fake clock's time. A check that nothing was sent comes after one of these, which proves the
/// work it would have come from is done.
/// </summary>
public static class Settling
{
    // Wall time the bot gets to finish what the clock brought due; NORMBOT_TEST_PATIENCE_SECONDS raises it for the large
    // fault run (thousands of asks scanned while every Slack call rolls faults).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("NORMBOT_TEST_PATIENCE_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 10);

    // Quartz's misfire handler sometimes parks on a 50 ms wait on the app's clock, computed while a test moved that
    // clock by minutes; real time would end it at once, a fake clock never does. When the bot has shown the same
    // unfinished work for this long, a wait that close is let through (on a TestClock, which knows its waits).
    private static readonly TimeSpan StallAfter = TimeSpan.FromMilliseconds(200);
    // The same holds for a Slack call's retry backoff (about 1-4 s on the app's clock): real time would end it.
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    /// <summary>Every envelope the bot acknowledged is processed (and marked so in the inbox table).</summary>
    public static async Task InboxDrainedAsync(this NormBotFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var database = app.Database();
        await database.OpenAsync();
        var drained = await Eventually.TrueAsync(async () => await BotWork.InboxPendingAsync(app.Services, database) == 0, Patience);
        Assert.That(drained, Is.True, "the inbox did not drain");
    }

    /// <summary>
    /// Nothing is left to do at the fake clock's time: the scheduler started, the inbox drained, no context pass running,
    /// no Quartz work the clock has reached, no context nudge or message due.
    /// </summary>
    public static async Task SettledAsync(this NormBotFactory app) =>
        Assert.That(await TrySettleAsync(app, Patience), Is.Null, "the bot did not settle; still busy with");

    /// <summary>As <see cref="SettledAsync"/>, but gives up quietly after <paramref name="patience"/>; returns what was still busy, or null.</summary>
    public static async Task<string?> TrySettleAsync(this NormBotFactory app, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var database = app.Database();
        await database.OpenAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow + patience;
        var (seen, since) = ((string?)null, DateTime.UtcNow);
        while (true)
        {
            var now = app.Time.GetUtcNow();
            // The host starts Quartz once the app has started: until then, moving the clock would leave its triggers behind.
            var busy = scheduler.Status is not (SchedulerStatus.Created or SchedulerStatus.Unknown)
                ? await BotWork.PendingAsync(app.Services, database, now, DateTimeOffset.MinValue)
                : "the scheduler, starting";
            if (busy is null || DateTime.UtcNow > deadline)
            {
                return busy;
            }

            if (busy != seen)
            {
                (seen, since) = (busy, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - since > StallAfter && app.Time is TestClock clock && clock.PendingTimers.Any(t => t > now && t - now <= CloseWait))
            {
                clock.SetUtcNow(clock.PendingTimers.First(t => t > now));
                since = DateTime.UtcNow;
            }

            await Task.Delay(10);
        }
    }
}
