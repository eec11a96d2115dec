using System.Text.Json.Nodes;

namespace NormBot.Tests.TestSupport;

/// <summary>Realistic payloads from <see cref="Fixtures"/>, changing only what a test is about.</summary>
public static class SlackPayloads
{
    private static int _counter;

    /// <summary>An <c>event_callback</c> from Fixtures/events with a fresh event_id unless one is given.</summary>
    public static JsonObject Event(string file, Action<JsonObject>? changeEvent = null, string? eventId = null)
    {
        var body = Fixtures.ReadJson("events", file);
        body["event_id"] = eventId ?? $"Ev{Interlocked.Increment(ref _counter):D4}{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        changeEvent?.Invoke(body["event"]!.AsObject());
        return body;
    }

    /// <summary>
    /// An event from Fixtures/events for the emulator's workspace (its team id, a fresh event_id), with the inner event's
    /// fields set as given.
    /// </summary>
    public static JsonObject ForEmulator(string file, params (string Field, string Value)[] fields) =>
        ForEmulator(file, e =>
        {
            foreach (var (field, value) in fields)
            {
                e[field] = value;
            }
        });

    public static JsonObject ForEmulator(string file, Action<JsonObject> changeEvent)
    {
        var body = Event(file, changeEvent);
        body["team_id"] = EmulatedSlackApp.TeamId;
        body.Remove("authorizations");
        return body;
    }

    /// <summary>A plain channel message from a human, in Slack's exact shape.</summary>
    public static JsonObject Message(string channel, string user, string text, string ts, string? threadTs = null, string? eventId = null) =>
        Event("message.channels.plain.json", e =>
        {
            e["channel"] = channel;
            e["user"] = user;
            e["text"] = text;
            e["ts"] = ts;
            e["event_ts"] = ts;
            e.Remove("blocks");
            if (threadTs is not null)
            {
                e["thread_ts"] = threadTs;
            }
        }, eventId);

    /// <summary>The slash-command form fields of Fixtures/commands, with a new text, user and channel.</summary>
    public static Dictionary<string, string> SlashCommand(string text, string userId, string channelId, string teamId = "T06PLTFRM1")
    {
        var fields = Fixtures.ReadJson("commands", "slash_command.parsed.json");
        var result = fields.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
        result["text"] = text;
        result["user_id"] = userId;
        result["channel_id"] = channelId;
        result["team_id"] = teamId;
        result["command"] = "/norms";
        result["trigger_id"] = $"{Interlocked.Increment(ref _counter)}.{Guid.NewGuid():N}";
        return result;
    }
}
