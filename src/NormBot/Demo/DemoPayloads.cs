using System.Globalization;
using System.Text.Json.Nodes;
using NormBot.SlackEmulator;

namespace NormBot.Demo;

/// <summary>What Slack sends the bot when the team does something, in Slack's shapes (events, command fields, block_actions).</summary>
public static class DemoPayloads
{
    public const string TeamId = "T0DEMO";

    private static int _counter;

    public static JsonObject Message(string userId, string channelId, string text, string ts, string? threadTs)
    {
        var ev = new JsonObject
        {
            ["type"] = "message", ["channel"] = channelId, ["channel_type"] = "channel", ["user"] = userId, ["text"] = text,
            ["ts"] = ts, ["event_ts"] = ts, ["team"] = TeamId,
        };
        if (threadTs is not null)
        {
            ev["thread_ts"] = threadTs;
        }

        return ev;
    }

    public static JsonObject Reaction(string userId, string channelId, string ts, string itemUserId, string reaction, DateTimeOffset now) => new()
    {
        ["type"] = "reaction_added", ["user"] = userId, ["reaction"] = reaction, ["item_user"] = itemUserId,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channelId, ["ts"] = ts },
        ["event_ts"] = Ts(now),
    };

    public static JsonObject EventCallback(JsonObject ev, string appId, DateTimeOffset now) => new()
    {
        ["token"] = "", ["team_id"] = TeamId, ["api_app_id"] = appId, ["event"] = ev, ["type"] = "event_callback",
        ["event_id"] = $"Ev0DEMO{Interlocked.Increment(ref _counter):D5}", ["event_time"] = now.ToUnixTimeSeconds(),
    };

    public static JsonObject SlashCommand(string userId, string userName, string channelId, string channelName, string command, string text, string appId, string responseUrl) => new()
    {
        ["token"] = "", ["team_id"] = TeamId, ["team_domain"] = "demo", ["channel_id"] = channelId, ["channel_name"] = channelName,
        ["user_id"] = userId, ["user_name"] = userName, ["command"] = command, ["text"] = text, ["api_app_id"] = appId,
        ["is_enterprise_install"] = "false", ["response_url"] = responseUrl, ["trigger_id"] = TriggerId(),
    };

    /// <summary>A press of <paramref name="button"/> on <paramref name="message"/>, a message the bot sent (ephemeral or not).</summary>
    public static JsonObject BlockAction(string userId, RecordedCall message, JsonObject button, string appId, string responseUrl, DateTimeOffset now)
    {
        var channel = message.Response["channel"]?.ToString() ?? message.Args["channel"]?.ToString() ?? "";
        var ts = message.Response["ts"]?.ToString() ?? message.Response["message_ts"]?.ToString() ?? "";
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = TeamId },
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "demo" },
            ["api_app_id"] = appId,
            ["container"] = new JsonObject
            {
                ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = message.Method == "chat.postEphemeral",
            },
            ["channel"] = new JsonObject { ["id"] = channel },
            ["trigger_id"] = TriggerId(),
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button["action_id"]?.DeepClone(), ["block_id"] = "demo", ["type"] = "button",
                ["value"] = button["value"]?.DeepClone(), ["action_ts"] = Ts(now),
            }),
        };
    }

    private static string TriggerId() => $"{Interlocked.Increment(ref _counter)}.demo";

    private static string Ts(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000100";
}
