using System.Collections.Concurrent;

namespace NormBot.Slack.Api;

/// <summary>
/// Spaces outbound calls per method (and per channel for chat.postMessage) so bursts stay under Slack's tiers
/// instead of collecting 429s. Hand-written because System.Threading.RateLimiting's token bucket refills on its
/// own timer and cannot run on a <see cref="TimeProvider"/>.
/// </summary>
public sealed class SlackRatePacer(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    public Task WaitAsync(string method, string? channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(method);
        var key = method == SlackMethodTiers.PostMessage && channel is not null ? $"{method}#{channel}" : method;
        var bucket = _buckets.GetOrAdd(key, _ => new TokenBucket(SlackMethodTiers.RuleFor(method), time));
        var wait = bucket.Reserve();
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, ct);
    }

    /// <summary>
    /// Each caller reserves the next slot up front, so waiters leave in arrival order and exactly one
    /// interval apart; tokens going negative is the queue.
    /// </summary>
    private sealed class TokenBucket(PaceRule rule, TimeProvider time)
    {
        private readonly Lock _gate = new();
        private double _tokens = rule.Burst;
        private long _last = time.GetTimestamp();

        public TimeSpan Reserve()
        {
            lock (_gate)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(rule.Burst, _tokens + (time.GetElapsedTime(_last, now) / rule.Interval));
                _last = now;
                _tokens -= 1;
                return _tokens >= 0 ? TimeSpan.Zero : rule.Interval * -_tokens;
            }
        }
    }
}
