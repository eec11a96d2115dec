using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Thread bookkeeping Slack does when a message lands: reply fields on the child, counters on the parent.</summary>
internal static class Threads
{
    public static string Append(ChannelState channel, JsonObject message, string? threadTs, string ts)
    {
        message["ts"] = ts;
        var parent = string.IsNullOrEmpty(threadTs) ? null : channel.FindMessage(threadTs);
        if (!string.IsNullOrEmpty(threadTs))
        {
            message["thread_ts"] = threadTs;
            message["parent_user_id"] = parent?["user"]?.DeepClone();
        }

        channel.Messages.Add(message);
        if (parent is not null)
        {
            UpdateParent(channel, parent, threadTs!);
        }

        return ts;
    }

    public static bool IsReply(JsonObject message) =>
        message["thread_ts"] is { } t && (string?)t != (string?)message["ts"];

    /// <summary>Top-level messages plus broadcasts: what conversations.history lists.</summary>
    public static bool IsInChannelView(JsonObject message) =>
        !IsReply(message) || (string?)message["subtype"] == "thread_broadcast";

    public static List<JsonObject> Thread(ChannelState channel, string parentTs) =>
        [.. channel.Messages.Where(m => (string?)m["ts"] == parentTs || ((string?)m["thread_ts"] == parentTs && IsReply(m)))];

    private static void UpdateParent(ChannelState channel, JsonObject parent, string threadTs)
    {
        var replies = channel.Messages.Where(m => (string?)m["thread_ts"] == threadTs && IsReply(m)).ToList();
        var users = replies.Select(r => (string?)r["user"]).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        parent["thread_ts"] = threadTs;
        parent["reply_count"] = replies.Count;
        parent["reply_users_count"] = users.Count;
        parent["reply_users"] = new JsonArray([.. users.Select(u => (JsonNode)u)]);
        parent["latest_reply"] = replies.Count > 0 ? replies[^1]["ts"]?.DeepClone() : threadTs;
        parent["is_locked"] = false;
        parent["subscribed"] = false;
    }
}
