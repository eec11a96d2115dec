using System.Text.Json;
using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

/// <summary>
/// JSON options for what we exchange with Slack as typed records with explicit names: Web API requests and responses,
/// Block Kit, Socket Mode frames (and outbox rows, which hold Web API requests). Events are read with <c>SlackEventJson</c>.
/// </summary>
public static class SlackApiJson
{
    /// <summary>
    /// Nulls are omitted because Slack rejects some explicit nulls (e.g. <c>"thread_ts": null</c>) and Block Kit
    /// treats absent and null differently. Every property carries its own snake_case name, so no naming policy.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Slack's own payloads don't promise that "type" comes first, so polymorphic reads must not require it.
            AllowOutOfOrderMetadataProperties = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
