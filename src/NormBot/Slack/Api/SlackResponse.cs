using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

/// <summary>Fields every Web API response carries: <c>ok</c>, the error code and warnings.</summary>
public record SlackResponse
{
    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Only on <c>missing_scope</c>: the scope the method wants.</summary>
    [JsonPropertyName("needed")]
    public string? Needed { get; init; }

    /// <summary>Only on <c>missing_scope</c>: the scopes the token has.</summary>
    [JsonPropertyName("provided")]
    public string? Provided { get; init; }

    /// <summary>Comma-separated warning codes; informational, never a failure.</summary>
    [JsonPropertyName("warning")]
    public string? Warning { get; init; }

    [JsonPropertyName("response_metadata")]
    public ResponseMetadata? ResponseMetadata { get; init; }
}

/// <summary>Pagination cursor and warning details Slack appends to responses.</summary>
public sealed record ResponseMetadata
{
    /// <summary>Empty or missing means the last page.</summary>
    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }

    [JsonPropertyName("warnings")]
    public IReadOnlyList<string>? Warnings { get; init; }

    [JsonPropertyName("messages")]
    public IReadOnlyList<string>? Messages { get; init; }
}
