using System.Text.Json.Nodes;

namespace NormBot.Slack.Events;

/// <summary>Reads an optional string out of a Slack payload without throwing on a missing or non-string field.</summary>
public static class JsonText
{
    public static string? Of(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
