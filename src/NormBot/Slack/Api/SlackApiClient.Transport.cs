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
    /// <summary>A call as this workspace's bot; an auth failure pauses the workspace before the exception leaves.</summary>
    private async Task<T> CallAsync<T>(string method, HttpContent content, string? channel, CancellationToken ct)
        where T : SlackResponse
    {
        var token = method == "auth.test" ? await tokens.ProbeTokenAsync(teamId, ct) : await tokens.BotTokenAsync(teamId, ct);
        try
        {
            return await SendAsync<T>(method, content, token, channel, ct);
        }
        catch (SlackApiException ex) when (ex.Kind == SlackErrorKind.Auth)
        {
            // account_inactive names the token's owner or the person the call was about; auth.test tells which.
            if (ex.Error == SlackErrors.AccountInactive && method != "auth.test" && await TokenWorksAsync(token, ct))
            {
                throw new SlackApiException(method, ex.Error) { Kind = SlackErrorKind.Permanent, Target = SlackErrorTarget.User };
            }

            await tokens.AuthFailedAsync(teamId, ex.Error, ct);
            throw;
        }
    }

    private Task<T> AppCallAsync<T>(string method, HttpContent content, CancellationToken ct)
        where T : SlackResponse =>
        SendAsync<T>(method, content, options.Value.AppToken ?? throw new InvalidOperationException("Slack:AppToken is not configured; Socket Mode needs an xapp- token."), null, ct);

    private async Task<bool> TokenWorksAsync(string token, CancellationToken ct)
    {
        try
        {
            await SendAsync<AuthTestResponse>("auth.test", Form(), token, null, ct);
            return true;
        }
        catch (SlackApiException)
        {
            return false;
        }
    }

    private async Task<T> SendAsync<T>(string method, HttpContent content, string token, string? channel, CancellationToken ct)
        where T : SlackResponse
    {
        await pacer.WaitAsync(method, channel, ct, teamId);
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Options.Set(SlackRatePacer.BucketKey, SlackRatePacer.KeyFor(method, channel, teamId));
        using var response = await SendOrExplainAsync(method, request, ct);

        // The resilience handler has already waited and retried; a 429 here means waiting longer than a call may.
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

    /// <summary>Failures without an answer become <see cref="SlackApiException"/>s whose code says whether the request can have landed.</summary>
    private async Task<HttpResponseMessage> SendOrExplainAsync(string method, HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (TimeoutException ex)
        {
            Log.Failed(logger, method, SlackErrors.Timeout);
            throw new SlackApiException(method, SlackErrors.Timeout, ex);
        }
        catch (HttpRequestException ex)
        {
            var error = SlackErrors.ForException(ex);
            Log.Failed(logger, method, error);
            throw new SlackApiException(method, error, ex);
        }
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
        // Information, not Warning: the caller decides whether a failure deserves a warning (the outbox logs one per message).
        [LoggerMessage(LogLevel.Information, "Slack {Method} failed with {Error}")]
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
