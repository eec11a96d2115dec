using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NormBot.SlackEmulator;

/// <summary>Issues response URLs and answers posts to them, enforcing Slack's use and age limits.</summary>
internal sealed class ResponseUrls(SlackEmulatorOptions options, CallRecorder recorder, WebApiEndpoint endpoint)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Uri? BaseUri { get; set; }

    public string Create()
    {
        var id = Guid.NewGuid().ToString("N");
        _entries[id] = new Entry(options.TimeProvider.GetUtcNow());
        return new Uri(BaseUri!, $"response/{id}").ToString();
    }

    public async Task HandleAsync(HttpContext context, string id)
    {
        var at = options.TimeProvider.GetUtcNow();
        var args = await ReadBodyAsync(context.Request, context.RequestAborted);
        var (status, body) = await endpoint.FaultAsync(context, "response_url", context.RequestAborted) ?? Answer(id, at);
        recorder.Record(new RecordedCall("response_url", context.Request.Method, context.Request.ContentType, null, args, at, body) { StatusCode = status });
        await WebApiEndpoint.WriteAsync(context, status, body);
    }

    private (int Status, JsonObject Body) Answer(string id, DateTimeOffset at)
    {
        if (!_entries.TryGetValue(id, out var entry))
        {
            return (404, SlackJson.Error("invalid_url"));
        }

        // Slack's limits (5 uses, 30 minutes) are documented; the failure status/code are the emulator's choice.
        var uses = Interlocked.Increment(ref entry.Uses);
        return uses > options.ResponseUrlMaxUses || at - entry.Created > options.ResponseUrlLifetime
            ? (404, SlackJson.Error("expired_url"))
            : (200, SlackJson.Ok());
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["_raw"] = text };
        }
        catch (JsonException)
        {
            return new JsonObject { ["_raw"] = text };
        }
    }

    private sealed class Entry(DateTimeOffset created)
    {
        public int Uses;

        public DateTimeOffset Created { get; } = created;
    }
}
