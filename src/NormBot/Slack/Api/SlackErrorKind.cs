namespace NormBot.Slack.Api;

/// <summary>What a failed Slack call means for whoever made it.</summary>
public enum SlackErrorKind
{
    /// <summary>Slack did not act on it (rate limit, outage): trying again later is safe.</summary>
    Retryable,

    /// <summary>It may have taken effect (sent, then no answer): only calls that converge are repeated.</summary>
    MayHaveLanded,

    /// <summary>It will never work as it is: log once and stop.</summary>
    Permanent,

    /// <summary>The workspace's token does not work: pause everything for that workspace.</summary>
    Auth,
}
