using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;
using Emu = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.SlackEmulator;

public sealed class EmulatorClockTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Test]
    public async Task Ts_ComesFromTimeProvider_AndIsUniqueOnFrozenClock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await Emu.StartAsync(new SlackEmulatorOptions { TimeProvider = clock });
        emulator.Workspace.AddChannel("C0TIME0001", "time", emulator.BotUserId);

        var first = await EmulatorHttp.PostJsonAsync(emulator, "chat.postMessage", new JsonObject { ["channel"] = "C0TIME0001", ["text"] = "a" });
        var second = await EmulatorHttp.PostJsonAsync(emulator, "chat.postMessage", new JsonObject { ["channel"] = "C0TIME0001", ["text"] = "b" });
        clock.Advance(TimeSpan.FromSeconds(5));
        var third = await EmulatorHttp.PostJsonAsync(emulator, "chat.postMessage", new JsonObject { ["channel"] = "C0TIME0001", ["text"] = "c" });

        Assert.Multiple(() =>
        {
            Assert.That((string?)first.Json["ts"], Is.EqualTo("1700000000.000000"));
            Assert.That((string?)second.Json["ts"], Is.EqualTo("1700000000.000001"));
            Assert.That((string?)third.Json["ts"], Is.EqualTo("1700000005.000000"));
            Assert.That(emulator.Calls[0].At, Is.EqualTo(Start));
        });
    }

    [Test]
    public async Task ResponseUrl_After30Minutes_Expired()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await Emu.StartAsync(new SlackEmulatorOptions { TimeProvider = clock });
        var url = emulator.CreateResponseUrl();

        var fresh = await EmulatorHttp.PostToUrlAsync(url, new JsonObject { ["text"] = "x" });
        clock.Advance(TimeSpan.FromMinutes(31));
        var stale = await EmulatorHttp.PostToUrlAsync(url, new JsonObject { ["text"] = "x" });

        Assert.That(new[] { fresh.Status, stale.Status }, Is.EqualTo(new[] { 200, 404 }));
    }

    [Test]
    public async Task Dispose_DuringLongDelayFault_IsQuick()
    {
        var emulator = await Emu.StartAsync();
        emulator.Inject("auth.test", EmulatedFault.Delay(TimeSpan.FromMinutes(5)));
        var pending = EmulatorHttp.PostJsonAsync(emulator, "auth.test", []);
        Assert.That(await Eventually.TrueAsync(() => emulator.PendingFaults("auth.test") == 0), Is.True, "the request reached the emulator and is being delayed");

        var clock = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        var settled = await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(5))) == pending;

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(settled, Is.True, "the delayed request is cut short, not left hanging");
        });
    }
}
