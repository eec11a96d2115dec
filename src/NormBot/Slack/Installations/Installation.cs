namespace NormBot.Slack.Installations;

/// <summary>
/// NormBot in one workspace: its bot user and token, from OAuth or from <c>Slack:BotToken</c>. A non-null
/// <see cref="AuthError"/> means Slack refused the token and all sending to the workspace is paused.
/// </summary>
public sealed record Installation(
    string TeamId, string TeamName, string BotUserId, string BotToken, string Scopes, string? InstalledBy, long InstalledAt, string? AuthError = null)
{
    public bool IsPaused => AuthError is not null;

    // A record prints every property; the token must never reach a log line or an assertion message.
    public override string ToString() => $"Installation {{ TeamId = {TeamId}, BotUserId = {BotUserId}, AuthError = {AuthError} }}";
}
