using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using NormBot.Slack.Blocks;

namespace NormBot.Slack.Api;

// The wire half of SlackApiClient: pacing, bodies, auth and turning Slack's answer into a result or an exception.
public sealed partial class SlackApiClient
{
    private async Task<T> CallAsync<T>(string method, HttpContent content, string token, string? channel, CancellationToken ct)
        where T : SlackResponse
    {
        await pacer.WaitAsync(method, channel, ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Options.Set(SlackRatePacer.BucketKey, SlackRatePacer.KeyFor(method, channel));
        using var response = await http.SendAsync(request, ct);

        // The resilience handler has already waited and retried; a 429 here means we ran out of patience.
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Log.RateLimited(logger, method, retryAfter?.TotalSeconds ?? 0);
            throw new SlackRateLimitedException(method, retryAfter);
        }

        T? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<T>(SlackApiJson.Options, ct);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // A proxy's HTML error page; the status code below says more than the parse error.
        }

        if (body is null)
        {
            Log.BadResponse(logger, method, (int)response.StatusCode);
            throw new SlackApiException(method, response.IsSuccessStatusCode ? "invalid_response" : $"http_{(int)response.StatusCode}");
        }

        if (!body.Ok)
        {
            Log.Failed(logger, method, body.Error ?? "unknown_error");
            throw new SlackApiException(method, body.Error ?? "unknown_error", body.Needed, body.Provided);
        }

        if (!string.IsNullOrEmpty(body.Warning))
        {
            Log.Warned(logger, method, body.Warning);
        }

        return body;
    }

    private static ByteArrayContent Json<TBody>(TBody body)
    {
        // Bytes rather than JsonContent so a retry can send the same content again.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, SlackApiJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    // FormUrlEncodedContent sets no charset, which is exactly what Slack wants (a charset yields superfluous_charset).
    private static FormUrlEncodedContent Form(params (string Key, string? Value)[] args) =>
        new(args.Where(a => a.Value is not null).Select(a => KeyValuePair.Create(a.Key, a.Value!)));

    private sealed record ViewRequest([property: JsonPropertyName("view")] View View)
    {
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Slack {Method} failed with {Error}")]
        public static partial void Failed(ILogger logger, string method, string error);

        [LoggerMessage(LogLevel.Debug, "Slack {Method} succeeded with warning {Warning}")]
        public static partial void Warned(ILogger logger, string method, string warning);

        [LoggerMessage(LogLevel.Warning, "Slack {Method} still rate limited after retries (Retry-After {RetryAfterSeconds}s)")]
        public static partial void RateLimited(ILogger logger, string method, double retryAfterSeconds);

        [LoggerMessage(LogLevel.Warning, "Slack {Method} answered HTTP {Status} without a readable body")]
        public static partial void BadResponse(ILogger logger, string method, int status);

        [LoggerMessage(LogLevel.Warning, "Slack response_url answered HTTP {Status}")]
        public static partial void ResponseUrlFailed(ILogger logger, int status);
    }
}
