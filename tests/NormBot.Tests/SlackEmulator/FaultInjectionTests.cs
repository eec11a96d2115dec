using System.Diagnostics;
using System.Text.Json.Nodes;
using NormBot.SlackEmulator;

namespace NormBot.Tests.SlackEmulator;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    private static JsonObject Post => new() { ["channel"] = General, ["text"] = "x" };

    [Test]
    public async Task RateLimited_TwoTimes_429WithRetryAfterThenSuccess()
    {
        Emulator.Inject("chat.postMessage", EmulatedFault.RateLimited(7), times: 2);

        var first = await CallAsync("chat.postMessage", Post);
        var second = await CallAsync("chat.postMessage", Post);
        var third = await CallAsync("chat.postMessage", Post);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(429));
            Assert.That(first.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(first.Json.ToJsonString(), Is.EqualTo("""{"ok":false,"error":"ratelimited"}"""));
            Assert.That(second.Status, Is.EqualTo(429));
            Assert.That(third.Status, Is.EqualTo(200));
            Assert.That(third.Ok, Is.True);
            Assert.That(Emulator.Workspace.GetMessages(General), Has.Count.EqualTo(1));
            Assert.That(Emulator.Calls.Select(c => c.StatusCode), Is.EqualTo(new[] { 429, 429, 200 }));
        });
    }

    [Test]
    public async Task SlackError_OnlyAffectsInjectedMethod()
    {
        Emulator.Inject("chat.postMessage", EmulatedFault.Error("channel_is_archived"));

        var other = await CallAsync("auth.test", []);
        var hit = await CallAsync("chat.postMessage", Post);
        var after = await CallAsync("chat.postMessage", Post);

        Assert.Multiple(() =>
        {
            Assert.That(other.Ok, Is.True);
            Assert.That(hit.Status, Is.EqualTo(200));
            Assert.That(hit.Error, Is.EqualTo("channel_is_archived"));
            Assert.That(after.Ok, Is.True);
        });
    }

    [Test]
    public async Task ServerError_NonJson5xxThenRecovers()
    {
        Emulator.Inject("users.info", EmulatedFault.ServerError(503));

        var failed = await CallAsync("users.info", new JsonObject { ["user"] = Alice });
        var ok = await CallAsync("users.info", new JsonObject { ["user"] = Alice });

        Assert.Multiple(() =>
        {
            Assert.That(failed.Status, Is.EqualTo(503));
            Assert.That(failed.Body, Is.Null);
            Assert.That(ok.Ok, Is.True);
        });
    }

    [Test]
    public async Task Delay_AnswersNormallyAfterTheDelay()
    {
        Emulator.Inject("auth.test", EmulatedFault.Delay(TimeSpan.FromMilliseconds(400)));

        var clock = Stopwatch.StartNew();
        var result = await CallAsync("auth.test", []);

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380)));
            Assert.That(result.Ok, Is.True);
        });
    }

    [Test]
    public async Task QueuedFaults_ApplyInOrder()
    {
        Emulator.Inject("auth.test", EmulatedFault.RateLimited(1));
        Emulator.Inject("auth.test", EmulatedFault.Error("fatal_error"));

        var first = await CallAsync("auth.test", []);
        var second = await CallAsync("auth.test", []);
        var third = await CallAsync("auth.test", []);

        Assert.That(new[] { first.Error, second.Error, third.Error }, Is.EqualTo(new[] { "ratelimited", "fatal_error", null }));
    }
}
