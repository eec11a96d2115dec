using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>What the request reader extracted from an HTTP call before any method logic runs.</summary>
/// <param name="Args">Merged query, form and JSON arguments (token removed).</param>
/// <param name="Token">Bearer token from the Authorization header.</param>
/// <param name="BodyError">Set when the body could not be read (e.g. <c>invalid_json</c>).</param>
/// <param name="Warning">Slack's content-type warning (<c>missing_charset</c>/<c>superfluous_charset</c>).</param>
internal sealed record ParsedRequest(JsonObject Args, string? Token, string? BodyError, string? Warning);
