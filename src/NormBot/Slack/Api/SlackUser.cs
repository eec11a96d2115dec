using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

/// <summary>The parts of <c>users.info</c> (and of <c>user_change</c>) NormBot uses: time zone and status drive working-time maths.</summary>
public sealed record SlackUser
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("real_name")]
    public string? RealName { get; init; }

    /// <summary>IANA zone id such as <c>Europe/Berlin</c>.</summary>
    [JsonPropertyName("tz")]
    public string? Tz { get; init; }

    /// <summary>Offset from UTC in seconds at the time of the call.</summary>
    [JsonPropertyName("tz_offset")]
    public int TzOffset { get; init; }

    [JsonPropertyName("is_admin")]
    public bool IsAdmin { get; init; }

    [JsonPropertyName("is_owner")]
    public bool IsOwner { get; init; }

    [JsonPropertyName("is_bot")]
    public bool IsBot { get; init; }

    /// <summary>A deactivated account: it can be mentioned but will never answer.</summary>
    [JsonPropertyName("deleted")]
    public bool Deleted { get; init; }

    [JsonPropertyName("profile")]
    public SlackUserProfile? Profile { get; init; }
}

internal sealed record UsersPage : SlackResponse
{
    [JsonPropertyName("members")]
    public IReadOnlyList<SlackUser>? Members { get; init; }
}

internal sealed record UserGroupMembersResponse : SlackResponse
{
    [JsonPropertyName("users")]
    public IReadOnlyList<string>? Users { get; init; }
}

internal sealed record UserInfoResponse : SlackResponse
{
    [JsonPropertyName("user")]
    public SlackUser? User { get; init; }
}
