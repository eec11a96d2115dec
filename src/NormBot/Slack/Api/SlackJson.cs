using System.Text.Json;
using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

/// <summary>The one set of JSON options for everything we send to or read from Slack.</summary>
public static class SlackJson
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
