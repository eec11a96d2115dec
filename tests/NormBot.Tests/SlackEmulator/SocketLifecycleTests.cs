using System.Net.WebSockets;
using System.Text.Json.Nodes;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

public sealed class SocketLifecycleTests : EmulatorTestBase
{
    [TestCase("refresh_requested")]
    [TestCase("warning")]
    [TestCase("link_disabled")]
    public async Task Disconnect_FrameDeliveredThenSocketClosed(string reason)
    {
        await using var client = await TestSocketClient.ConnectReadyAsync(Emulator);

        await Emulator.SendDisconnectAsync(reason);
        var frame = await client.ReceiveAsync();
        var afterwards = await client.ReceiveAsync(TimeSpan.FromSeconds(5));

        var fixture = Fixtures.ReadJson("socket-mode", $"disconnect.{reason}.json");
        Assert.Multiple(() =>
        {
            Assert.That((string?)frame!["type"], Is.EqualTo("disconnect"));
            Assert.That((string?)frame["reason"], Is.EqualTo(reason));
            Assert.That((string?)frame["debug_info"]!["host"], Is.EqualTo("emulator"));
            Assert.That(frame.Select(kv => kv.Key), Is.EquivalentTo(fixture.Select(kv => kv.Key)));
            Assert.That(afterwards, Is.Null, "server closes the socket after the disconnect frame");
        });
    }

    [Test]
    public async Task Disconnect_NewEnvelopesGoToTheReplacementConnection()
    {
        await using var old = await TestSocketClient.ConnectReadyAsync(Emulator);
        await Emulator.SendDisconnectAsync("warning");
        Assert.That((string?)(await old.ReceiveAsync())!["type"], Is.EqualTo("disconnect"));
        Assert.That(Emulator.ConnectionCount, Is.Zero, "a socket told to disconnect still counts as a delivery target");

        await using var replacement = await TestSocketClient.ConnectReadyAsync(Emulator);
        var sent = Emulator.SendEventAsync(new JsonObject { ["n"] = 1 });
        var envelope = (await replacement.ReceiveAsync())!;
        await replacement.SendAsync(new JsonObject { ["envelope_id"] = envelope["envelope_id"]!.DeepClone() });
        await sent;

        // The old socket sees nothing more before the server closes it.
        Assert.That(await old.ReceiveAsync(TimeSpan.FromSeconds(5)), Is.Null);
    }

    [Test]
    public async Task Drop_AbortsSocket()
    {
        await using var client = await TestSocketClient.ConnectReadyAsync(Emulator);

        await Emulator.DropConnectionsAsync();

        Assert.ThrowsAsync(Is.InstanceOf<WebSocketException>().Or.InstanceOf<OperationCanceledException>(), async () =>
        {
            if (await client.ReceiveAsync(TimeSpan.FromSeconds(3)) is null)
            {
                throw new WebSocketException("closed");
            }
        });
    }

    [Test]
    public async Task Ticket_IsSingleUse()
    {
        var open = await EmulatorHttp.PostJsonAsync(Emulator, "apps.connections.open", [], token: "app");
        var url = new Uri((string)open.Json["url"]!);
        using var first = new ClientWebSocket();
        await first.ConnectAsync(url, CancellationToken.None);
        using var second = new ClientWebSocket();

        Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(url, CancellationToken.None));
    }

    [Test]
    public async Task ClientClose_ConnectionCountDrops()
    {
        var client = await TestSocketClient.ConnectReadyAsync(Emulator);

        await client.DisposeAsync();

        Assert.That(await Eventually.TrueAsync(() => Emulator.ConnectionCount == 0), Is.True);
    }
}
