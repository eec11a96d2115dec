using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

/// <summary>An emulator HTTP answer: status, parsed JSON body (null for non-JSON) and headers.</summary>
public sealed record ApiResult(int Status, JsonObject? Body, HttpResponseHeaders Headers, string RawBody)
{
    public JsonObject Json => Body ?? throw new InvalidOperationException($"Not JSON (HTTP {Status}): {RawBody}");

    public bool Ok => (bool?)Json["ok"] == true;

    public string? Error => (string?)Json["error"];
}
