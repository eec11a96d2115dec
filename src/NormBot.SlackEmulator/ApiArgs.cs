using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Typed access to a call's merged arguments, whichever encoding they arrived in.</summary>
internal sealed class ApiArgs(JsonObject values)
{
    public JsonObject Values { get; } = values;

    public string? Str(string name) => Values[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        var other => other.ToJsonString(),
    };

    /// <summary>Missing or empty required arguments are reported the way Slack's newer validator does.</summary>
    public string Required(string name)
    {
        var value = Str(name);
        return string.IsNullOrEmpty(value)
            ? throw new SlackApiException("invalid_arguments", $"[ERROR] missing required field: {name}")
            : value;
    }

    public bool Bool(string name) => Str(name) is { } s && (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase));

    public JsonNode? Json(string name) => Values[name] switch
    {
        // Form-encoded clients send structured values as JSON text; the reader normally parsed them already.
        JsonValue v when v.GetValueKind() == JsonValueKind.String => TryParse(v.GetValue<string>()),
        var node => node?.DeepClone(),
    };

    public JsonObject RequiredObject(string name)
    {
        _ = Required(name);
        return Json(name) as JsonObject
            ?? throw new SlackApiException("invalid_arguments", $"[ERROR] {name} must be a JSON object");
    }

    public int Limit(int fallback, int max)
    {
        var raw = Str("limit");
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit < 0)
        {
            throw new SlackApiException("invalid_limit");
        }

        // Slack treats 0 as "use the default" and silently caps large values.
        return limit == 0 ? fallback : Math.Min(limit, max);
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
