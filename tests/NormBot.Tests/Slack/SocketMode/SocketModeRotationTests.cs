using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.SocketMode;

/// <summary>
/// Time-driven behaviour, on a fake clock: rotating before Slack's announced connection lifetime runs out, and which
/// waits are not on that clock.
/// </summary>
public sealed class SocketModeRotationTests
{
    [Test]
    public async Task Hello_ApproximateConnectionTimeNearlyElapsed_RotatesProactively()
    {
        var time = new TestClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SocketModeHarness.StartAsync(time);
        var old = await harness.ConnectedSocketAsync();

        // hello.json announces ~18060 s: the client plans to rotate a little before that, and not well before.
        var rotation = time.GetUtcNow() + TimeSpan.FromSeconds(18060 * 0.9);
        await time.TimerDueAsync(rotation);
        time.Advance(TimeSpan.FromSeconds(18060 * 0.5));
        Assert.That(time.PendingTimers, Does.Contain(rotation), "the rotation still waits");
        Assert.That(harness.Server.OpenAuthorizations, Has.Count.EqualTo(1), "no second apps.connections.open");

        time.Advance(TimeSpan.FromSeconds(18060 * 0.45));
        var replacement = await harness.Server.NextSocketAsync();
        await replacement.SendFixtureAsync("hello.json");

        Assert.That(await old.ReceiveAsync(), Is.Null, "the old socket is closed after the new one is up");
        Assert.That(harness.Server.OpenAuthorizations, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ClockJumpWhileWaitingForHello_KeepsTheConnection()
    {
        // The hello timeout guards against a hung network, which real time measures: the demo and tests move the
        // injected clock minutes at a time, and that must not abandon a socket Slack is about to greet.
        var time = new TestClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SocketModeHarness.StartAsync(time);
        var socket = await harness.Server.NextSocketAsync();

        Assert.That(time.PendingTimers, Is.Empty, "waiting for hello is not on the injected clock");
        time.Advance(TimeSpan.FromMinutes(5));
        await socket.SendFixtureAsync("hello.json");
        await socket.SendFixtureAsync("envelope.events_api.message.json");

        Assert.That(await socket.ReceiveAsync(), Is.Not.Null, "the envelope is acked on the first socket");
        Assert.That(harness.Server.OpenAuthorizations, Has.Count.EqualTo(1), "no second apps.connections.open");
        Assert.That(harness.Client.IsConnected, Is.True);
    }
}
