using System.Text.Json.Serialization;
using NormBot.Slack.Api;

namespace NormBot.Slack.Install;

/// <summary>What <c>oauth.v2.access</c> answers: the workspace, the bot user and its token, the scopes granted.</summary>
public sealed record OAuthAccessResponse : SlackResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    [JsonPropertyName("bot_user_id")]
    public string? BotUserId { get; init; }

    [JsonPropertyName("app_id")]
    public string? AppId { get; init; }

    [JsonPropertyName("team")]
    public OAuthTeam? Team { get; init; }

    [JsonPropertyName("is_enterprise_install")]
    public bool IsEnterpriseInstall { get; init; }

    [JsonPropertyName("authed_user")]
    public OAuthTeam? AuthedUser { get; init; }

    // The token must never reach a log line through a record's generated ToString.
    public override string ToString() => $"OAuthAccessResponse {{ Ok = {Ok}, Error = {Error}, Team = {Team?.Id} }}";
}

/// <summary>An id and a name, as Slack gives <c>team</c>, <c>enterprise</c> and <c>authed_user</c>.</summary>
public sealed record OAuthTeam(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name = null);
