using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NormBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode delivery. <see cref="Type"/> is <c>events_api</c>, <c>slash_commands</c> or <c>interactive</c>;
/// <see cref="Payload"/> is what the HTTP transport would have received. Dedupe events on
/// <c>payload.event_id</c>, not <see cref="EnvelopeId"/>.
/// </summary>
public sealed record SocketModeEnvelope
{
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    [JsonPropertyName("envelope_id")]
    public string EnvelopeId { get; init; } = "";

    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    [JsonPropertyName("payload")]
    public JsonObject? Payload { get; init; }

    /// <summary>Only when true may the ack carry a payload (slash reply, view_submission response_action).</summary>
    [JsonPropertyName("accepts_response_payload")]
    public bool AcceptsResponsePayload { get; init; }

    [JsonPropertyName("retry_attempt")]
    public int RetryAttempt { get; init; }

    [JsonPropertyName("retry_reason")]
    public string? RetryReason { get; init; }
}
