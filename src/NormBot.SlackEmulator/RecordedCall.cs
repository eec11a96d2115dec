using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>One HTTP call the emulator answered, with its merged arguments and the JSON it sent back.</summary>
/// <param name="Method">Web API method name, or <c>response_url</c> for response URL posts.</param>
/// <param name="HttpMethod">HTTP verb used by the client.</param>
/// <param name="ContentType">Request Content-Type header as sent, including any charset.</param>
/// <param name="Token">Bearer token presented, if any (kept for assertions; never logged).</param>
/// <param name="Args">Query, form and JSON arguments merged; JSON-string form fields are parsed.</param>
/// <param name="At">When the call arrived, per the emulator's clock.</param>
/// <param name="Response">Response body the emulator returned.</param>
public sealed record RecordedCall(
    string Method,
    string HttpMethod,
    string? ContentType,
    string? Token,
    JsonObject Args,
    DateTimeOffset At,
    JsonObject Response)
{
    /// <summary>Status code returned (200 unless a fault was injected).</summary>
    public int StatusCode { get; init; } = 200;

    public override string ToString() =>
        $"{HttpMethod} {Method} -> {StatusCode} {Response.ToJsonString()}";
}
