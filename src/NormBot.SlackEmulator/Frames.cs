using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Server-to-client Socket Mode frames, shaped as Slack documents them.</summary>
internal static class Frames
{
    public const string Host = "emulator";

    public static JsonObject Hello(int numConnections, string appId) => new()
    {
        ["type"] = "hello",
        ["num_connections"] = numConnections,
        ["debug_info"] = new JsonObject { ["host"] = Host, ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
        ["connection_info"] = new JsonObject { ["app_id"] = appId },
    };

    public static JsonObject Disconnect(string reason) => new()
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = Host },
    };

    public const string EventsApi = "events_api";

    /// <summary>Only Events API envelopes say whether they are a retry; commands and interactions are never retried.</summary>
    public static JsonObject Envelope(string type, JsonObject payload, bool acceptsResponsePayload, int retryAttempt, string? retryReason)
    {
        var envelope = new JsonObject
        {
            ["envelope_id"] = Guid.NewGuid().ToString(),
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (type == EventsApi)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = retryReason ?? string.Empty;
        }

        return envelope;
    }
}
