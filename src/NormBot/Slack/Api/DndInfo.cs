using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

/// <summary>
/// <c>dnd.info</c> for a user: their notification schedule as the next start and end of Do Not Disturb (Unix seconds).
/// Slack answers 1 for both when the user has no schedule.
/// </summary>
public sealed record DndInfo : SlackResponse
{
    [JsonPropertyName("dnd_enabled")]
    public bool DndEnabled { get; init; }

    [JsonPropertyName("next_dnd_start_ts")]
    public long NextDndStartTs { get; init; }

    [JsonPropertyName("next_dnd_end_ts")]
    public long NextDndEndTs { get; init; }
}
