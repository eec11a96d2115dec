using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NormBot.SlackEmulator;

/// <summary>Turns query strings, form bodies and JSON bodies into one argument object.</summary>
internal static class RequestReader
{
    // Form clients must send these as JSON text; parsing them lets tests and the contract checker see real JSON.
    private static readonly HashSet<string> JsonFormFields = new(StringComparer.Ordinal) { "blocks", "view", "attachments", "metadata" };

    public static async Task<ParsedRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            args[key] = FormValue(key, value.ToString());
        }

        string? error = null;
        string? warning = null;
        var contentType = request.ContentType ?? string.Empty;
        var hasCharset = contentType.Contains("charset", StringComparison.OrdinalIgnoreCase);
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            warning = hasCharset ? null : "missing_charset";
            error = await ReadJsonAsync(request, args, ct);
        }
        else if (request.HasFormContentType)
        {
            warning = hasCharset ? "superfluous_charset" : null;
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                args[key] = FormValue(key, value.ToString());
            }
        }

        // Slack ignores a body token once a header is present; we only ever honour the header and never keep tokens.
        args.Remove("token");
        return new ParsedRequest(args, BearerToken(request), error, warning);
    }

    private static async Task<string?> ReadJsonAsync(HttpRequest request, JsonObject args, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(body) is not JsonObject json)
            {
                return "invalid_json";
            }

            foreach (var (key, value) in json.ToList())
            {
                json.Remove(key);
                args[key] = value;
            }

            return null;
        }
        catch (JsonException)
        {
            return "invalid_json";
        }
    }

    private static JsonNode? FormValue(string key, string value)
    {
        if (JsonFormFields.Contains(key))
        {
            try
            {
                return JsonNode.Parse(value) ?? JsonValue.Create(value);
            }
            catch (JsonException)
            {
                // Keep the raw text: the method handler reports the malformed structure like Slack would.
            }
        }

        return JsonValue.Create(value);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }
}
