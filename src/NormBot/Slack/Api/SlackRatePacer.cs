using System.Collections.Concurrent;

namespace NormBot.Slack.Api;

/// <summary>
/// Spaces outbound calls per workspace and method (and per channel for chat.postMessage), as Slack counts them, so bursts stay under Slack's tiers
/// instead of collecting 429s. Hand-written because System.Threading.RateLimiting's token bucket refills on its
/// own timer and cannot run on a <see cref="TimeProvider"/>.
/// </summary>
public sealed class SlackRatePacer(TimeProvider time)
{
    /// <summary>Carries the bucket key on the request so the 429 retry can hold the same bucket.</summary>
    public static readonly HttpRequestOptionsKey<string> BucketKey = new("NormBot.Slack.PacerBucket");

    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>The bucket: <c>method[#channel][@team]</c>; the method always comes first.</summary>
    public static string KeyFor(string method, string? channel, string? teamId = null)
    {
        var key = method == SlackMethodTiers.PostMessage && channel is not null ? $"{method}#{channel}" : method;
        return teamId is null ? key : $"{key}@{teamId}";
    }

    public Task WaitAsync(string method, string? channel, CancellationToken ct, string? teamId = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        var wait = Bucket(KeyFor(method, channel, teamId), method).Reserve(TimeSpan.Zero);
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, ct);
    }

    /// <summary>
    /// Slack said <c>Retry-After</c> for this bucket: callers queued behind it wait that long too, instead of
    /// each collecting its own 429.
    /// </summary>
    public void Hold(string key, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        var method = key.Split('#', '@')[0];
        Bucket(key, method).Reserve(retryAfter);
    }

    private TokenBucket Bucket(string key, string method) =>
        _buckets.GetOrAdd(key, _ => new TokenBucket(SlackMethodTiers.RuleFor(method), time));

    /// <summary>
    /// Each caller reserves the next slot up front, so waiters leave in arrival order and exactly one
    /// interval apart; tokens going negative is the queue.
    /// </summary>
    private sealed class TokenBucket(PaceRule rule, TimeProvider time)
    {
        private readonly Lock _gate = new();
        private double _tokens = rule.Burst;
        private long _last = time.GetTimestamp();

        /// <summary>Takes a slot (or, with a hold, empties the bucket for that long) and says how long to wait.</summary>
        public TimeSpan Reserve(TimeSpan hold)
        {
            lock (_gate)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(rule.Burst, _tokens + (time.GetElapsedTime(_last, now) / rule.Interval));
                _last = now;
                if (hold > TimeSpan.Zero)
                {
                    // Owe the whole hold: the next reservation waits until it has passed.
                    _tokens = Math.Min(_tokens, 0) - (hold / rule.Interval) + 1;
                    return hold;
                }

                _tokens -= 1;
                return _tokens >= 0 ? TimeSpan.Zero : rule.Interval * -_tokens;
            }
        }
    }
}
