using System.Text.Json;

namespace NormBot.Slack.Events;

/// <summary>Slack's JSON is snake_case and grows new fields all the time: unknown ones are ignored.</summary>
public static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
