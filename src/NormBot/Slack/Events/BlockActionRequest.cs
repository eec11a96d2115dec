using System.Text.Json.Nodes;

namespace NormBot.Slack.Events;

/// <summary>A <c>block_actions</c> interaction: who pressed which button, and on what message or view.</summary>
public sealed record BlockActionRequest(
    string TeamId, string UserId, string? ChannelId, string? MessageTs, string? ThreadTs, bool IsEphemeral,
    string? ViewId, string? ResponseUrl, string? TriggerId, IReadOnlyList<BlockAction> Actions)
{
    public static BlockActionRequest FromPayload(JsonObject payload)
    {
        var container = payload["container"] as JsonObject;
        var actions = (payload["actions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(a => new BlockAction(
                Str(a["action_id"]) ?? "", Str(a["block_id"]), Str(a["value"]) ?? Str(a["selected_option"]?["value"]), Str(a["action_ts"])))
            .ToList();
        return new BlockActionRequest(
            Str(payload["team"]?["id"]) ?? Str(payload["user"]?["team_id"]) ?? "",
            Str(payload["user"]?["id"]) ?? "",
            Str(container?["channel_id"]) ?? Str(payload["channel"]?["id"]),
            Str(container?["message_ts"]) ?? Str(payload["message"]?["ts"]),
            Str(container?["thread_ts"]) ?? Str(payload["message"]?["thread_ts"]),
            container?["is_ephemeral"]?.GetValue<bool>() ?? false,
            Str(container?["view_id"]) ?? Str(payload["view"]?["id"]),
            Str(payload["response_url"]),
            Str(payload["trigger_id"]),
            actions);
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>One pressed element.</summary>
public sealed record BlockAction(string ActionId, string? BlockId, string? Value, string? ActionTs);
