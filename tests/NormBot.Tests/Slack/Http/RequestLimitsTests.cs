using System.Net;
using System.Text;
using NormBot.Slack.Http;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

/// <summary>PRODUCT §12: requests are checked (headers, timestamp, size) before their body is read into memory.</summary>
public sealed class RequestLimitsTests
{
    private NormBotFactory _app = null!;

    [SetUp]
    public void Start() => _app = new NormBotFactory();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase(null, null, "missing X-Slack-Request-Timestamp or X-Slack-Signature")]
    [TestCase(-600, "v0=0000000000000000000000000000000000000000000000000000000000000000", "timestamp outside the 5-minute window")]
    [TestCase(0, "v1=abc", "signature mismatch")]
    public async Task Event_ForgedOrStaleHeaders_RejectedBeforeTheSizeIsEvenLookedAt(int? ageSeconds, string? signature, string reason)
    {
        // Oversized too: the headers are checked first, so the answer is 401, not 413.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/event") { Content = new ByteArrayContent(new byte[SlackRequestBody.MaxBytes + 1]) };
        request.Content.Headers.ContentType = new("application/json");
        if (ageSeconds is { } age)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", _app.Time.GetUtcNow().AddSeconds(age).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Signature", signature);
        }

        using var client = _app.CreateClient();
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo($"invalid request: {reason}"));
    }

    [Test]
    public async Task Event_DeclaredTooLarge_413()
    {
        using var request = SignedRequests.Json("/slack/event", new string(' ', SlackRequestBody.MaxBytes + 1), _app.Time.GetUtcNow());
        using var client = _app.CreateClient();
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Event_TooLargeWithoutContentLength_413AndNothingStored()
    {
        // Signed and fresh, sent chunked (no Content-Length): the read stops at the limit.
        var json = "{\"type\":\"event_callback\",\"team_id\":\"T0123NORM\",\"event_id\":\"EvHUGE0001\",\"event\":{\"type\":\"message\",\"text\":\""
            + new string('a', SlackRequestBody.MaxBytes) + "\"}}";
        using var request = SignedRequests.Json("/slack/event", json, _app.Time.GetUtcNow());
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        using var client = _app.CreateClient();
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        await using var connection = _app.Database();
        Assert.That(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM slack_inbox"), Is.Zero);
    }
}
