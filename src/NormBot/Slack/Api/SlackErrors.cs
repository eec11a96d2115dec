using System.Collections.Frozen;

namespace NormBot.Slack.Api;

/// <summary>
/// The one table of what a Slack failure means (PRODUCT §12): try again, maybe done, never, or the token is dead.
/// The HTTP retry pipeline, the client's exceptions and the outbox all read it, so they cannot disagree.
/// </summary>
public static class SlackErrors
{
    /// <summary>Our own codes for failures without a Slack answer; Slack's codes are lower_snake_case too.</summary>
    public const string Timeout = "timeout";
    public const string ConnectionFailed = "connection_failed";
    public const string ResponseLost = "response_lost";
    public const string WorkspacePaused = "workspace_paused";
    public const string NotInstalled = "not_installed";
    public const string AccountInactive = "account_inactive";

    private static readonly FrozenDictionary<string, (SlackErrorKind Kind, SlackErrorTarget Target)> Codes =
        new Dictionary<string, (SlackErrorKind, SlackErrorTarget)>(StringComparer.Ordinal)
        {
            // Slack did not act: the same call later can succeed.
            ["ratelimited"] = (SlackErrorKind.Retryable, SlackErrorTarget.None),
            ["rate_limited"] = (SlackErrorKind.Retryable, SlackErrorTarget.None),
            ["internal_error"] = (SlackErrorKind.Retryable, SlackErrorTarget.None),
            ["service_unavailable"] = (SlackErrorKind.Retryable, SlackErrorTarget.None),
            ["request_timeout"] = (SlackErrorKind.Retryable, SlackErrorTarget.None), // Slack got a truncated body
            ["team_added_to_org"] = (SlackErrorKind.Retryable, SlackErrorTarget.None), // a migration, over within hours
            [ConnectionFailed] = (SlackErrorKind.Retryable, SlackErrorTarget.None), // the request never left

            // Slack may have done it: the request was sent and no clear answer came back.
            ["fatal_error"] = (SlackErrorKind.MayHaveLanded, SlackErrorTarget.None), // "some aspect may have succeeded"
            [Timeout] = (SlackErrorKind.MayHaveLanded, SlackErrorTarget.None),
            [ResponseLost] = (SlackErrorKind.MayHaveLanded, SlackErrorTarget.None),
            ["http_504"] = (SlackErrorKind.MayHaveLanded, SlackErrorTarget.None), // the gateway gave up, not the backend

            // The workspace's token: nothing will work until it is reinstalled or Slack accepts it again.
            ["invalid_auth"] = (SlackErrorKind.Auth, SlackErrorTarget.None),
            ["not_authed"] = (SlackErrorKind.Auth, SlackErrorTarget.None),
            ["token_revoked"] = (SlackErrorKind.Auth, SlackErrorTarget.None),
            ["token_expired"] = (SlackErrorKind.Auth, SlackErrorTarget.None),
            [AccountInactive] = (SlackErrorKind.Auth, SlackErrorTarget.None), // the bot's, unless auth.test still passes
            ["org_login_required"] = (SlackErrorKind.Auth, SlackErrorTarget.None),
            ["ekm_access_denied"] = (SlackErrorKind.Auth, SlackErrorTarget.None),
            [WorkspacePaused] = (SlackErrorKind.Auth, SlackErrorTarget.None), // ours: no call was made

            // This call will never work: the conversation or the person is out of reach.
            ["channel_not_found"] = (SlackErrorKind.Permanent, SlackErrorTarget.Channel),
            ["not_in_channel"] = (SlackErrorKind.Permanent, SlackErrorTarget.Channel),
            ["is_archived"] = (SlackErrorKind.Permanent, SlackErrorTarget.Channel),
            ["channel_is_archived"] = (SlackErrorKind.Permanent, SlackErrorTarget.Channel),
            ["user_not_found"] = (SlackErrorKind.Permanent, SlackErrorTarget.User),
            ["user_disabled"] = (SlackErrorKind.Permanent, SlackErrorTarget.User),
            ["cannot_dm_bot"] = (SlackErrorKind.Permanent, SlackErrorTarget.User),
            [NotInstalled] = (SlackErrorKind.Permanent, SlackErrorTarget.None), // ours: the workspace removed the app
        }.ToFrozenDictionary(StringComparer.Ordinal);

    // Sending these twice shows people the same thing twice; everything else we call is a read or converges
    // (chat.update sets the same content, views.publish the same view, reactions.add answers already_reacted).
    private static readonly FrozenSet<string> NotIdempotent =
        FrozenSet.ToFrozenSet(["chat.postMessage", "chat.postEphemeral", "views.open", "oauth.v2.access"], StringComparer.Ordinal);

    /// <summary>Every other code (invalid_blocks, missing_scope, ...) is a mistake in the call itself: permanent.</summary>
    public static (SlackErrorKind Kind, SlackErrorTarget Target) Classify(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Codes.TryGetValue(error, out var known))
        {
            return known;
        }

        return error.StartsWith("http_5", StringComparison.Ordinal)
            ? (SlackErrorKind.Retryable, SlackErrorTarget.None)
            : (SlackErrorKind.Permanent, SlackErrorTarget.None);
    }

    /// <summary>
    /// The one retry rule, for the client's quick retries and the outbox's later ones alike: retry what Slack did
    /// not act on; retry what may have landed only when doing it twice changes nothing. A nudge or DM that may
    /// already be on someone's screen is not sent again: a duplicate in front of a person is worse than a rare
    /// lost nudge, which the overdue scan and the digests still surface.
    /// </summary>
    public static bool MayRetry(string method, SlackErrorKind kind) =>
        kind == SlackErrorKind.Retryable || (kind == SlackErrorKind.MayHaveLanded && !NotIdempotent.Contains(method));

    /// <summary>Our code for an HTTP failure: whether the request can have reached Slack decides retryable or not.</summary>
    public static string ForException(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
            ? ConnectionFailed
            : ResponseLost;
    }
}
