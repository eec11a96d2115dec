namespace NormBot.Slack.Inbox;

/// <summary>What became of one attempt at an envelope: finished (with the error that ended it, if any), retried later, or dead.</summary>
public sealed record InboxOutcome(string? Error, DateTimeOffset? RetryAt = null, bool Dead = false)
{
    public static readonly InboxOutcome Ok = new((string?)null);

    /// <summary>Done with: handled, or failed for good in a way a retry cannot mend.</summary>
    public bool Finished => RetryAt is null && !Dead;
}
