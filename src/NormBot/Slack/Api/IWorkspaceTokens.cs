namespace NormBot.Slack.Api;

/// <summary>Where a client bound to a workspace gets its bot token, and where it says that the token stopped working.</summary>
public interface IWorkspaceTokens
{
    /// <summary>
    /// The workspace's bot token; a null team is the configured <c>Slack:BotToken</c> (start-up's auth.test). Throws a
    /// <see cref="SlackApiException"/> (<c>workspace_paused</c>, <c>not_installed</c>) instead of handing out a token
    /// that must not be used, so no call is made for such a workspace.
    /// </summary>
    ValueTask<string> BotTokenAsync(string? teamId, CancellationToken ct);

    /// <summary>The token for auth.test, which alone still reaches Slack while the workspace is paused (to learn it works again).</summary>
    ValueTask<string> ProbeTokenAsync(string? teamId, CancellationToken ct);

    /// <summary>Slack refused the token (<see cref="SlackErrorKind.Auth"/>): pause the workspace.</summary>
    Task AuthFailedAsync(string? teamId, string slackError, CancellationToken ct);
}
