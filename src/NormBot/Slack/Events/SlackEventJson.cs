using System.Text.Json;

namespace NormBot.Slack.Events;

/// <summary>
/// JSON options for reading the events Slack delivers into the records in this folder, which carry no property names:
/// Slack's event fields are snake_case and new ones appear all the time, so unknown ones are ignored, and known ones
/// of an odd shape are read leniently (<see cref="LenientJson"/>).
/// </summary>
public static class SlackEventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientJson.Text(), new LenientJson.Flag() },
    };
}
