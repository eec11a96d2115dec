using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

public sealed class SlackEventEndpointTests
{
    private RecordingMessageHandler _handler = null!;
    private NormBotFactory _app = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void Start()
    {
        _handler = new RecordingMessageHandler();
        _app = new NormBotFactory(services: s => s.AddSingleton<IEventHandler<MessageEvent>>(_handler));
        _client = _app.CreateClient();
    }

    [TearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task UrlVerification_Signed_EchoesChallenge()
    {
        var body = Fixtures.ReadText("events", "url_verification.json");
        var challenge = Fixtures.ReadJson("events", "url_verification.json")["challenge"]!.GetValue<string>();

        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(challenge));
    }

    [Test]
    public async Task Event_Signed_IsDeliveredToHandlerWithItsFields()
    {
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "Has anyone reviewed the naming norms doc?", "1700000000.000100");

        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), _app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Eventually.TrueAsync(() => _handler.Received.Count == 1), Is.True);
        var (ev, context) = _handler.Received.Single();
        Assert.That((ev.Channel, ev.User, ev.Text, ev.Ts), Is.EqualTo(("C0123GENRL", "U0456ALICE", "Has anyone reviewed the naming norms doc?", "1700000000.000100")));
        Assert.That((context.TeamId, context.EventId), Is.EqualTo(("T06PLTFRM1", body["event_id"]!.GetValue<string>())));
    }

    [Test]
    public async Task Event_RetriedWithSameEventId_HasOneEffect()
    {
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "Who owns the billing service?", "1700000000.000200").ToJsonString();

        var statuses = new List<HttpStatusCode>();
        for (var retry = 0; retry < 4; retry++)
        {
            var request = SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow());
            if (retry > 0)
            {
                request.Headers.Add("X-Slack-Retry-Num", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
            }

            statuses.Add((await _client.SendAsync(request)).StatusCode);
        }

        Assert.That(statuses, Has.All.EqualTo(HttpStatusCode.OK));
        await _app.InboxDrainedAsync();
        Assert.That(_handler.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Event_Acknowledged_AlreadyInTheInboxTable()
    {
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "Decision: we ship Friday", "1700000000.000300");

        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), _app.Time.GetUtcNow()));

        // Durable before the ack: the row is there the moment Slack has its 200, whatever processing does next.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var connection = _app.Database();
        Assert.That(await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM slack_inbox WHERE envelope_id = @Id", new { Id = body["event_id"]!.GetValue<string>() }), Is.EqualTo(1));
    }

    [Test]
    public async Task Event_NonAsciiText_StoredAsTheRequestsOwnTextAndDeliveredIntact()
    {
        // The inbox binds the request's UTF-8 bytes directly: they must land as text (not a blob), byte for byte.
        const string text = "Può qualcuno rivedere il doc? 🚀 naïve café — 日本語";
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", text, "1700000000.000350").ToJsonString();

        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Eventually.TrueAsync(() => _handler.Received.Count == 1), Is.True);
        await using var connection = _app.Database();
        // Compared in SQL: SQLite never finds a blob equal to text, although its reader would hand either back as a string.
        var stored = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM slack_inbox WHERE envelope_id = @Id AND body = @Body",
            new { Id = System.Text.Json.Nodes.JsonNode.Parse(body)!["event_id"]!.GetValue<string>(), Body = body });
        Assert.That(stored, Is.EqualTo(1));
        Assert.That(_handler.Received.Single().Event.Text, Is.EqualTo(text));
    }

    [TestCase("v0=0000000000000000000000000000000000000000000000000000000000000000", 0, TestName = "Event_ForgedSignature_401AndNothingHappens")]
    [TestCase(null, -301, TestName = "Event_TimestampOlderThanFiveMinutes_401AndNothingHappens")]
    [TestCase(null, 301, TestName = "Event_TimestampFromTheFuture_401AndNothingHappens")]
    public async Task Event_BadSignatureOrStale_Rejected(string? forged, int skewSeconds)
    {
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "hi", "1700000000.000400").ToJsonString();
        var request = SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow().AddSeconds(skewSeconds));
        if (forged is not null)
        {
            request.Headers.Remove("X-Slack-Signature");
            request.Headers.Add("X-Slack-Signature", forged);
        }

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await _app.InboxDrainedAsync();
        await using var connection = _app.Database();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox"), Is.Zero, "nothing was stored");
        Assert.That(_handler.Received, Is.Empty);
    }

    [Test]
    public async Task Event_SignedWithAnotherSecret_401()
    {
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "hi", "1700000000.000500").ToJsonString();

        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow(), secret: "someone-else"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("{not json", TestName = "Event_BodyNotJson_400")]
    [TestCase("{\"type\":\"event_callback\",\"team_id\":\"T1\"}", TestName = "Event_CallbackWithoutEventId_400")]
    [TestCase("{\"type\":\"mystery\"}", TestName = "Event_UnknownPayloadType_400")]
    public async Task Event_Malformed_400(string body)
    {
        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Event_AppRateLimited_AcknowledgedWithoutWrapper()
    {
        var body = Fixtures.ReadText("events", "app_rate_limited.json");

        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Event_BodyOverLimit_413()
    {
        var body = "{\"type\":\"event_callback\",\"pad\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";

        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body, _app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }
}
