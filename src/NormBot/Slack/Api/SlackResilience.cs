using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace NormBot.Slack.Api;

/// <summary>
/// The retry pipeline for Slack calls: 429s wait out <c>Retry-After</c> (up to five times), transient failures
/// back off exponentially with jitter (three retries). <c>ok:false</c> answers arrive as HTTP 200 and are never retried.
/// </summary>
public static class SlackResilience
{
    public const int RateLimitRetries = 5;
    public const int TransientRetries = 3;

    // Slack's 429 always carries Retry-After; this only covers a proxy that strips it.
    private static readonly TimeSpan FallbackRetryAfter = TimeSpan.FromSeconds(5);

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
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Result, time)),
            OnRetry = args =>
            {
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
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.GetRequestMessage())),
        });

        // The per-attempt timeout is AttemptTimeoutHandler, inside this pipeline and on the real clock.
    }

    // A write that timed out may have landed: posting it again could show a nudge or digest twice.
    private static readonly string[] Writes = ["chat.postMessage", "chat.postEphemeral", "chat.update", "views.publish"];

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request) => outcome switch
    {
        { Exception: TimeoutRejectedException or TimeoutException } => !IsWrite(request),
        { Exception: HttpRequestException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    private static bool IsWrite(HttpRequestMessage? request) =>
        request?.RequestUri is { } uri && Writes.Any(w => uri.AbsolutePath.EndsWith(w, StringComparison.Ordinal));

    private static TimeSpan RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date - time.GetUtcNow()) ?? FallbackRetryAfter;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }
}
