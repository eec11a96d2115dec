using System.Collections.Concurrent;
using System.Net;
using System.Text;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Api;

/// <summary>Plays Slack's side of HTTP from a queue of canned answers; any call beyond the queue fails the test.</summary>
public sealed class FakeSlackHttp(TimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _answers = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Answer(HttpStatusCode status, string body, int? retryAfterSeconds = null) =>
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.Add("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return response;
        });

    /// <summary>The connection fails before any answer (reset, DNS, TLS).</summary>
    public void AnswerNetworkFailure() => _answers.Enqueue(() => throw new HttpRequestException("connection reset"));

    /// <summary>An HTTP failure of a given cause: a connection never made, or a response that never came.</summary>
    public void AnswerFailure(HttpRequestError cause) => _answers.Enqueue(() => throw new HttpRequestException(cause, cause.ToString()));

    public void AnswerFixture(string file) => Answer(HttpStatusCode.OK, Fixtures.ReadText("web-api", file));

    /// <summary>Slack's 429 exchange: its status, Retry-After header and body.</summary>
    public void AnswerRateLimited()
    {
        var exchange = Fixtures.ReadJson("web-api", "http429.ratelimited.json");
        var seconds = int.Parse((string)exchange["headers"]!["Retry-After"]!, System.Globalization.CultureInfo.InvariantCulture);
        Answer((HttpStatusCode)(int)exchange["status"]!, exchange["body"]!.ToJsonString(), seconds);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.RequestUri!,
            request.Content?.Headers.ContentType?.ToString(),
            request.Headers.Authorization?.ToString(),
            body,
            time.GetUtcNow());
        _requests.Enqueue(recorded);
        return _answers.TryDequeue(out var answer)
            ? answer()
            : throw new InvalidOperationException($"Unexpected Slack call to {request.RequestUri}");
    }
}

public sealed record RecordedRequest(Uri Uri, string? ContentType, string? Authorization, string Body, DateTimeOffset At)
{
    public string Method => Uri.Segments[^1];
}
