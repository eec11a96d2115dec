namespace NormBot.Slack.Api;

/// <summary>Slack kept answering HTTP 429 after every retry we allow; the caller should give up or reschedule.</summary>
public sealed class SlackRateLimitedException : SlackApiException
{
    public SlackRateLimitedException()
        : this("unknown", (TimeSpan?)null)
    {
    }

    public SlackRateLimitedException(string message)
        : base(message)
    {
    }

    public SlackRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackRateLimitedException(string method, TimeSpan? retryAfter)
        : base(method, "ratelimited")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The last <c>Retry-After</c> Slack sent, if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
