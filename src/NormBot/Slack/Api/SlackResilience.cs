using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace NormBot.Slack.Api;

/// <summary>
/// The quick, in-call retries for Slack: 429s wait out <c>Retry-After</c> while one call has waited under a minute in
/// all; other failures back off exponentially with jitter (three retries) when <see cref="SlackErrors.MayRetry"/>
/// allows it. A longer <c>Retry-After</c> comes back to the caller (the outbox puts the message back with a
/// not-before), so no thread is held for it. <c>ok:false</c> answers arrive as HTTP 200 and are never retried here.
/// </summary>
public static class SlackResilience
{
    public const int RateLimitRetries = 5;
    public const int TransientRetries = 3;

    /// <summary>PRODUCT §12: a Retry-After is honoured, but one call never waits more than a minute.</summary>
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(1);

    // Slack's 429 always carries Retry-After; this only covers a proxy that strips it.
    private static readonly TimeSpan FallbackRetryAfter = TimeSpan.FromSeconds(5);

    private static readonly ResiliencePropertyKey<TimeSpan> Waited = new("NormBot.Slack.RateLimitWaited");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var time = services.GetRequiredService<TimeProvider>();
        var pacer = services.GetRequiredService<SlackRatePacer>();

        // Set explicitly so every delay and timeout below runs on the injected clock (FakeTimeProvider in tests).
        builder.TimeProvider = time;

        // Outermost: a 429 is not a failure of this attempt but a request to come back later.
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            Name = "slack-rate-limit",
            MaxRetryAttempts = RateLimitRetries,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
                && args.Context.Properties.GetValue(Waited, TimeSpan.Zero) + RetryAfter(args.Outcome.Result, time) <= MaxRateLimitWait),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Result, time)),
            OnRetry = args =>
            {
                args.Context.Properties.Set(Waited, args.Context.Properties.GetValue(Waited, TimeSpan.Zero) + args.RetryDelay);

                // Make other callers of the same method (or channel) wait out Slack's Retry-After as well.
                if (args.Context.GetRequestMessage()?.Options.TryGetValue(SlackRatePacer.BucketKey, out var key) == true)
                {
                    pacer.Hold(key, args.RetryDelay);
                }

                return default;
            },
        });

        builder.AddRetry(new HttpRetryStrategyOptions
        {
            Name = "slack-transient",
            MaxRetryAttempts = TransientRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(MayRetry(args.Outcome, args.Context.GetRequestMessage())),
        });

        // The per-attempt timeout is AttemptTimeoutHandler, inside this pipeline and on the real clock.
    }

    /// <summary>Names the failure as the client will (<see cref="SlackErrors"/>) and asks the one retry rule.</summary>
    private static bool MayRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var error = outcome switch
        {
            { Exception: TimeoutRejectedException or TimeoutException } => SlackErrors.Timeout,
            { Exception: HttpRequestException e } => SlackErrors.ForException(e),
            { Result: { StatusCode: HttpStatusCode.RequestTimeout } } => "request_timeout",
            { Result: { } response } when (int)response.StatusCode >= 500 => $"http_{(int)response.StatusCode}",
            _ => null,
        };
        var method = request?.RequestUri?.Segments[^1] ?? "";
        return error is not null && SlackErrors.MayRetry(method, SlackErrors.Classify(error).Kind);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date - time.GetUtcNow()) ?? FallbackRetryAfter;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }
}
