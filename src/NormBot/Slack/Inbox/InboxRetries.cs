using System.Data.Common;
using Microsoft.Data.Sqlite;
using NormBot.Slack.Api;

namespace NormBot.Slack.Inbox;

/// <summary>
/// What a failed attempt at an envelope becomes (PRODUCT §12): a transient failure is tried again with backoff until
/// the attempts run out, then kept as a dead letter; a permanent Slack error is final; anything else (a bug, a payload
/// we cannot read) is kept as a dead letter at once, to be replayed once it is mended.
/// </summary>
public static class InboxRetries
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <param name="attempts">Attempts so far, this one included.</param>
    public static InboxOutcome After(Exception exception, long attempts, int maxAttempts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = Describe(exception);
        if (exception is SlackApiException { Kind: SlackErrorKind.Permanent })
        {
            return new InboxOutcome(error);
        }

        if (!IsTransient(exception) || attempts >= maxAttempts)
        {
            return new InboxOutcome(error, Dead: true);
        }

        // 10 s, 40 s, 2m40, 10m40: five attempts span about a quarter of an hour, long enough for a Slack incident's
        // worst minutes or a database failover, short enough that a nudge still means something.
        var wait = TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks * (long)Math.Pow(4, attempts - 1)));
        if (exception is SlackRateLimitedException { RetryAfter: { } retryAfter } && retryAfter > wait)
        {
            wait = retryAfter;
        }

        return new InboxOutcome(error, RetryAt: now + wait);
    }

    /// <summary>
    /// Slack did not act (5xx, rate limit, a dead token that may be reinstated) or the database was busy. A write that
    /// may have landed is not transient here: running the handler again could post it twice (<see cref="SlackErrors.MayRetry"/>).
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SlackApiException slack => slack.MayRetry || slack.Kind == SlackErrorKind.Auth,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.IsTransient, // SQLITE_BUSY, SQLITE_LOCKED
        DbException db => db.IsTransient,
        TimeoutException => true, // the store's gate, a connection pool
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>Kept in the row and shown by <c>normbot inbox list</c>: a code, never a message that could quote a body or a token.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SlackApiException slack => $"slack {slack.Method}: {slack.Error}",
        _ => exception.GetType().Name,
    };
}
