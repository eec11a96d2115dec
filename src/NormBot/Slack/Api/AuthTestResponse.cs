using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

/// <summary>Who the bot token belongs to; used at startup to recognise our own messages.</summary>
public sealed record AuthTestResponse : SlackResponse
{
    [JsonPropertyName("user_id")]
    public string UserId { get; init; } = "";

    [JsonPropertyName("team_id")]
    public string TeamId { get; init; } = "";

    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    [JsonPropertyName("team")]
    public string? Team { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
