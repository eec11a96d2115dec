using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

/// <summary>The parts of a user's <c>profile</c> NormBot uses: the names people type, and the status, which says who is away (PRODUCT §14).</summary>
public sealed record SlackUserProfile
{
    /// <summary>The name people see and type (<c>@display_name</c>); empty when they never set one.</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; init; }

    [JsonPropertyName("real_name")]
    public string? RealName { get; init; }

    [JsonPropertyName("status_text")]
    public string? StatusText { get; init; }

    /// <summary>With colons, e.g. <c>:palm_tree:</c>; a skin tone comes as <c>:baby::skin-tone-3:</c>.</summary>
    [JsonPropertyName("status_emoji")]
    public string? StatusEmoji { get; init; }

    /// <summary>Unix seconds when the status clears by itself; 0 when it does not.</summary>
    [JsonPropertyName("status_expiration")]
    public long StatusExpiration { get; init; }
}
