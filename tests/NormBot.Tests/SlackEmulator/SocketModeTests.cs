using System.Text.Json.Nodes;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

public sealed class SocketModeTests : EmulatorTestBase
{
    [Test]
    public async Task Connect_ReceivesHelloShapedLikeFixture()
    {
        await using var client = await TestSocketClient.ConnectAsync(Emulator);

        var hello = await client.ReceiveAsync();
        await Emulator.WaitForConnectionAsync();

        var fixture = Fixtures.ReadJson("socket-mode", "hello.json");
        Assert.Multiple(() =>
        {
            Assert.That((string?)hello!["type"], Is.EqualTo("hello"));
            Assert.That(hello.Select(kv => kv.Key), Is.EquivalentTo(fixture.Select(kv => kv.Key)));
            Assert.That(hello["debug_info"]!.AsObject().Select(kv => kv.Key), Is.EquivalentTo(fixture["debug_info"]!.AsObject().Select(kv => kv.Key)));
            Assert.That((int?)hello["num_connections"], Is.EqualTo(1));
            Assert.That(Emulator.ConnectionCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SlashCommandEnvelope_AckWithPayload_ReturnedToCaller()
    {
        await using var client = await TestSocketClient.ConnectReadyAsync(Emulator);
        var fields = Fixtures.ReadJson("socket-mode", "envelope.slash_commands.json")["payload"]!.AsObject();

        var sending = Emulator.SendSlashCommandAsync(fields);
        var envelope = (await client.ReceiveAsync())!;
        await client.SendAsync(new JsonObject { ["envelope_id"] = envelope["envelope_id"]!.DeepClone(), ["payload"] = new JsonObject { ["text"] = "Searching…" } });
        var ack = await sending;

        var fixture = Fixtures.ReadJson("socket-mode", "envelope.slash_commands.json");
        Assert.Multiple(() =>
        {
            Assert.That(envelope.Select(kv => kv.Key), Is.EquivalentTo(fixture.Select(kv => kv.Key)));
            Assert.That((string?)envelope["type"], Is.EqualTo("slash_commands"));
            Assert.That((bool?)envelope["accepts_response_payload"], Is.True);
            Assert.That((string?)envelope["payload"]!["command"], Is.EqualTo("/norms"));
            Assert.That(ack.EnvelopeId, Is.EqualTo((string?)envelope["envelope_id"]));
            Assert.That((string?)ack.Payload?["text"], Is.EqualTo("Searching…"));
            Assert.That(Emulator.Acks, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task EventEnvelope_RetryFieldsCarried_PlainAck()
    {
        await using var client = await TestSocketClient.ConnectReadyAsync(Emulator);
        var body = Fixtures.ReadJson("events", "message.channels.plain.json");

        var sending = Emulator.SendEventAsync(body, retryAttempt: 1, retryReason: "timeout");
        var envelope = (await client.ReceiveAsync())!;
        await client.SendAsync(new JsonObject { ["envelope_id"] = envelope["envelope_id"]!.DeepClone() });
        var ack = await sending;

        Assert.Multiple(() =>
        {
            Assert.That((string?)envelope["type"], Is.EqualTo("events_api"));
            Assert.That((int?)envelope["retry_attempt"], Is.EqualTo(1));
            Assert.That((string?)envelope["retry_reason"], Is.EqualTo("timeout"));
            Assert.That((bool?)envelope["accepts_response_payload"], Is.False);
            Assert.That(envelope["payload"]!.ToJsonString(), Is.EqualTo(body.ToJsonString()));
            Assert.That(ack.Payload, Is.Null);
        });
    }

    [Test]
    public async Task Envelope_NoAck_TimesOut()
    {
        await using var client = await TestSocketClient.ConnectReadyAsync(Emulator);

        Assert.ThrowsAsync<TimeoutException>(() => Emulator.SendEnvelopeAsync("events_api", [], ackTimeout: TimeSpan.FromMilliseconds(200)));
    }

    [Test]
    public void Envelope_NoConnection_Throws() =>
        Assert.ThrowsAsync<InvalidOperationException>(() => Emulator.SendEventAsync([]));

    [Test]
    public async Task TwoConnections_EnvelopesAlternate()
    {
        await using var a = await TestSocketClient.ConnectAsync(Emulator);
        await a.ReceiveAsync();
        await using var b = await TestSocketClient.ConnectAsync(Emulator);
        var helloB = await b.ReceiveAsync();
        await Emulator.WaitForConnectionAsync(2);

        var first = Emulator.SendEventAsync(new JsonObject { ["n"] = 1 });
        var second = Emulator.SendEventAsync(new JsonObject { ["n"] = 2 });
        var gotA = (await a.ReceiveAsync())!;
        var gotB = (await b.ReceiveAsync())!;
        await a.SendAsync(new JsonObject { ["envelope_id"] = gotA["envelope_id"]!.DeepClone() });
        await b.SendAsync(new JsonObject { ["envelope_id"] = gotB["envelope_id"]!.DeepClone() });
        await Task.WhenAll(first, second);

        Assert.Multiple(() =>
        {
            Assert.That((int?)helloB!["num_connections"], Is.EqualTo(2));
            Assert.That(new[] { (int?)gotA["payload"]!["n"], (int?)gotB["payload"]!["n"] }, Is.EquivalentTo(new int?[] { 1, 2 }));
        });
    }
}
