using System.Text.Json.Nodes;
using NormBot.Slack.SocketMode;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.SocketMode;

public sealed class SocketModeClientTests
{
    private SocketModeHarness _harness = null!;

    private FakeSocketModeServer _server => _harness.Server;

    private RecordingSink _sink => _harness.Sink;

    private SocketModeClient _client => _harness.Client;

    [SetUp]
    public async Task SetUp() => _harness = await SocketModeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task Envelopes_AfterHello_AreAckedWithPayloadOnlyWhereAccepted()
    {
        var slashReply = Fixture("ack.slash_commands.with_payload.json")["payload"]!.DeepClone();
        _sink.Handler = (e, _) => Task.FromResult<JsonNode?>(e.Type == SocketModeEnvelope.SlashCommands ? slashReply : JsonNode.Parse("""{"text":"ignored"}"""));
        var socket = await ConnectedSocketAsync();

        await socket.SendFixtureAsync("envelope.events_api.message.json");
        await socket.SendFixtureAsync("envelope.slash_commands.json");
        var acks = new[] { await socket.ReceiveAsync(), await socket.ReceiveAsync() }.ToDictionary(a => (string)a!["envelope_id"]!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(acks[EnvelopeId("envelope.events_api.message.json")], Fixture("ack.plain.json")), Is.True, "events_api ack carries no payload");
            Assert.That(JsonNode.DeepEquals(acks[EnvelopeId("envelope.slash_commands.json")], Fixture("ack.slash_commands.with_payload.json")), Is.True, "slash ack carries the reply");
            Assert.That(_server.OpenAuthorizations, Is.EqualTo(new[] { $"Bearer {SocketModeHarness.AppToken}" }));
            Assert.That(_client.IsConnected, Is.True);
            Assert.That(_client.ConnectionCount, Is.EqualTo(1));
            var message = _sink.Accepted.Single(e => e.Type == SocketModeEnvelope.EventsApi);
            Assert.That((string?)message.Payload!["event_id"], Is.EqualTo("Ev06PL0A0001"));
        }
    }

    [Test]
    public async Task SlowEnvelope_DoesNotDelayTheNextAck()
    {
        var gate = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _sink.Handler = (e, _) => e.Type == SocketModeEnvelope.Interactive ? gate.Task : Task.FromResult<JsonNode?>(null);
        var socket = await ConnectedSocketAsync();

        await socket.SendFixtureAsync("envelope.interactive.block_actions.json");
        await socket.SendFixtureAsync("envelope.slash_commands.json");
        var first = await socket.ReceiveAsync();
        gate.SetResult(null);
        var second = await socket.ReceiveAsync();

        Assert.That((string?)first!["envelope_id"], Is.EqualTo(EnvelopeId("envelope.slash_commands.json")));
        Assert.That((string?)second!["envelope_id"], Is.EqualTo(EnvelopeId("envelope.interactive.block_actions.json")));
    }

    [Test]
    public async Task SinkFailure_LeavesEnvelopeUnackedSoSlackRedelivers()
    {
        _sink.Handler = (e, _) => e.Type == SocketModeEnvelope.Interactive
            ? throw new InvalidOperationException("inbox down")
            : Task.FromResult<JsonNode?>(null);
        var socket = await ConnectedSocketAsync();

        await socket.SendFixtureAsync("envelope.interactive.block_actions.json");
        await socket.SendFixtureAsync("envelope.events_api.retry.json");

        Assert.That((string?)(await socket.ReceiveAsync())!["envelope_id"], Is.EqualTo(EnvelopeId("envelope.events_api.retry.json")));
        Assert.ThrowsAsync<TimeoutException>(() => socket.ReceiveAsync(TimeSpan.FromMilliseconds(500)));
    }

    [TestCase("disconnect.refresh_requested.json")]
    [TestCase("disconnect.warning.json")]
    public async Task Disconnect_Rotation_OpensNewSocketFirstThenClosesOld(string disconnect)
    {
        var old = await ConnectedSocketAsync();

        await old.SendFixtureAsync(disconnect);
        var replacement = await _server.NextSocketAsync();

        // Until the new socket says hello, the old one is still ours and still acks.
        await old.SendFixtureAsync("envelope.events_api.message.json");
        Assert.That((string?)(await old.ReceiveAsync())!["envelope_id"], Is.EqualTo(EnvelopeId("envelope.events_api.message.json")));

        await replacement.SendFixtureAsync("hello.json");
        Assert.That(await old.ReceiveAsync(), Is.Null, "the old socket is closed once the new one is up");
        await replacement.SendFixtureAsync("envelope.slash_commands.json");
        Assert.That((string?)(await replacement.ReceiveAsync())!["envelope_id"], Is.EqualTo(EnvelopeId("envelope.slash_commands.json")));
        Assert.That(_server.OpenAuthorizations, Has.Count.EqualTo(2), "a fresh apps.connections.open per socket");
        Assert.That(replacement.Url.Query, Is.EqualTo("?ticket=2"));
    }

    [Test]
    public async Task AbruptDrop_ReconnectsWithFreshUrl()
    {
        var first = await ConnectedSocketAsync();

        first.Abort();
        var second = await _server.NextSocketAsync();
        await second.SendFixtureAsync("hello.json");
        await second.SendFixtureAsync("envelope.events_api.message.json");

        Assert.That(await second.ReceiveAsync(), Is.Not.Null);
        Assert.That(_server.OpenAuthorizations, Has.Count.EqualTo(2));
        Assert.That(_client.IsConnected, Is.True);
    }

    [Test]
    public async Task LinkDisabled_StopsReconnecting()
    {
        var socket = await ConnectedSocketAsync();

        await socket.SendFixtureAsync("disconnect.link_disabled.json");
        await _client.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(_client.IsDisabled, Is.True);
        Assert.ThrowsAsync<TimeoutException>(() => _server.NextSocketAsync(TimeSpan.FromSeconds(1.5)));
        Assert.That(_server.OpenAuthorizations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task TooManyWebsockets_ClosesThisSocketThenReconnectsAfterBackoff()
    {
        var first = await ConnectedSocketAsync();

        await first.SendFixtureAsync("disconnect.too_many_websockets.json");

        Assert.That(await first.ReceiveAsync(), Is.Null, "the surplus socket is closed");
        var second = await _server.NextSocketAsync();
        Assert.That(_server.OpenAuthorizations, Has.Count.EqualTo(2));
        await second.SendFixtureAsync("hello.json");
    }

    [Test]
    public async Task Logs_AcrossEnvelopesAndRotation_NeverContainTokensTicketsOrPayloads()
    {
        var socket = await ConnectedSocketAsync();
        await socket.SendFixtureAsync("envelope.events_api.message.json");
        await socket.ReceiveAsync();
        await socket.SendFixtureAsync("disconnect.refresh_requested.json");
        await _harness.ConnectedSocketAsync();
        await socket.ReceiveAsync();

        var all = string.Join('\n', _harness.Logs.Lines);
        Assert.That(all, Does.Contain("refresh_requested"), "the rotation itself is logged");
        Assert.That(all, Does.Not.Contain(SocketModeHarness.AppToken).And.Not.Contain("ticket=").And.Not.Contain("retry change in PR 412"));
    }

    private Task<ServerSocket> ConnectedSocketAsync() => _harness.ConnectedSocketAsync();

    private static string EnvelopeId(string fixture) => (string)Fixture(fixture)["envelope_id"]!;

    private static JsonObject Fixture(string name) => Fixtures.ReadJson("socket-mode", name);
}
