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
                JsonText.Of(a["action_id"]) ?? "", JsonText.Of(a["block_id"]), JsonText.Of(a["value"]) ?? JsonText.Of(a["selected_option"]?["value"]), JsonText.Of(a["action_ts"])))
            .ToList();
        return new BlockActionRequest(
            JsonText.Of(payload["team"]?["id"]) ?? JsonText.Of(payload["user"]?["team_id"]) ?? "",
            JsonText.Of(payload["user"]?["id"]) ?? "",
            JsonText.Of(container?["channel_id"]) ?? JsonText.Of(payload["channel"]?["id"]),
            JsonText.Of(container?["message_ts"]) ?? JsonText.Of(payload["message"]?["ts"]),
            JsonText.Of(container?["thread_ts"]) ?? JsonText.Of(payload["message"]?["thread_ts"]),
            container?["is_ephemeral"] is JsonValue flag && (flag.TryGetValue<bool>(out var b) ? b : JsonText.Of(flag) == "true"),
            JsonText.Of(container?["view_id"]) ?? JsonText.Of(payload["view"]?["id"]),
            JsonText.Of(payload["response_url"]),
            JsonText.Of(payload["trigger_id"]),
            actions);
    }

}

/// <summary>One pressed element.</summary>
public sealed record BlockAction(string ActionId, string? BlockId, string? Value, string? ActionTs);
