namespace NormBot.Slack.Events;

/// <summary>Some of the app's tokens in the workspace were revoked: user ids per token kind, never the tokens.</summary>
public sealed record TokensRevokedEvent(RevokedTokens? Tokens);

/// <summary>The users whose tokens were revoked; NormBot holds bot tokens only.</summary>
public sealed record RevokedTokens(IReadOnlyList<string>? Oauth, IReadOnlyList<string>? Bot);
