using Microsoft.Extensions.DependencyInjection;
using NormBot.Demo;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Tests.Demo;

/// <summary>
/// The demo holds its clock still while the bot works. Work that itself waits on that clock (a retry or a backoff:
/// Quartz's store pauses on it after a database error) must still finish, rather than wait for a clock that waits
/// for it until the demo gives up.
/// </summary>
public sealed class DemoClockWaitTests
{
    private const string Day = """
        date: 2026-11-23
        until: "09:03"
        team:
          - { name: maya, role: lead, tz: Europe/Berlin, leader: true }
          - { name: bob, role: support, tz: Europe/London }
        channels:
          general: [maya, bob]
        day:
          - at: "09:01"
            who: bob
            say: "Is the staging deploy frozen today? I'd like to ship the SSO fix (SUP-212) after lunch."
            id: freeze
          - at: "09:02"
            who: maya
            react: white_check_mark
            on: freeze
        """;

    [Test]
    public async Task HandlerWaitingOnTheClock_TheDemoMovesTheClockOnAndTheDayFinishes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"normbot-demo-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, Day);
        var handled = new ClockWaitingHandler.Record();
        try
        {
            using var output = new StringWriter();
            await new DemoRunner(DemoScript.Load(path), output, TimeSpan.Zero, s => s
                .AddSingleton(handled)
                .AddScoped<IEventHandler<ReactionAddedEvent>, ClockWaitingHandler>()).RunAsync(CancellationToken.None);

            Assert.That(handled.Finished, Is.EqualTo(1), "the handler's wait on the demo clock ended");
            Assert.That(handled.WaitedFrom!.Value.ToString("HH:mm:ss"), Is.EqualTo("09:02:00"), "the clock stood still up to the step");
            Assert.That(output.ToString(), Does.Contain("1 messages from 2 people"), "the day ran to its end-of-day summary");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Waits a second on the bot's clock, as a retry on the injected clock does.</summary>
    private sealed class ClockWaitingHandler(TimeProvider time, ClockWaitingHandler.Record record) : IEventHandler<ReactionAddedEvent>
    {
        public async Task HandleAsync(ReactionAddedEvent slackEvent, EventContext context, CancellationToken ct)
        {
            record.WaitedFrom = time.GetUtcNow();
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            Interlocked.Increment(ref record.Finished);
        }

        public sealed class Record
        {
            public int Finished;

            public DateTimeOffset? WaitedFrom { get; set; }
        }
    }
}
