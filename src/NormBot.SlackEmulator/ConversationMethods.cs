using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>conversations.* methods, with Slack's cursor pagination on members, history and replies.</summary>
internal sealed class ConversationMethods(SlackWorkspace workspace)
{
    private SlackEmulatorOptions Options => workspace.Options;

    public JsonObject Info(ApiArgs args)
    {
        var channel = Find(args);
        var response = SlackJson.Ok();
        response["channel"] = SlackJson.Channel(channel, workspace, args.Bool("include_num_members"));
        return response;
    }

    public JsonObject Members(ApiArgs args)
    {
        var channel = Find(args);
        var (page, next) = Pager.Page(channel.Members, args, "members", fallback: 100, max: 1000);
        var response = SlackJson.Ok();
        response["members"] = new JsonArray([.. page.Select(m => (JsonNode)m)]);
        response["response_metadata"] = Pager.Metadata(next);
        return response;
    }

    public JsonObject History(ApiArgs args)
    {
        var channel = FindReadable(args);
        var visible = channel.Messages.Where(Threads.IsInChannelView).Where(InWindow(args)).Reverse().ToList();
        return MessagePage(visible, args, "history", fallback: 100, max: 999);
    }

    public JsonObject Replies(ApiArgs args)
    {
        var channel = FindReadable(args);
        var ts = args.Required("ts");
        if (channel.FindMessage(ts) is null)
        {
            throw new SlackApiException("thread_not_found");
        }

        var thread = Threads.Thread(channel, ts).Where(InWindow(args)).ToList();
        return MessagePage(thread, args, "replies", fallback: 1000, max: 1000);
    }

    public JsonObject Open(ApiArgs args)
    {
        ChannelState dm;
        var alreadyOpen = true;
        if (args.Str("channel") is { Length: > 0 } channelId)
        {
            dm = workspace.Channel(channelId) ?? throw new SlackApiException("channel_not_found");
        }
        else
        {
            var users = args.Required("users").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (users.Length != 1)
            {
                // Group DMs (mpim) are not modelled; NormBot only opens 1:1 DMs.
                throw new SlackApiException("not_implemented", "[ERROR] the emulator only supports one user per conversations.open");
            }

            if (workspace.FindUser(users[0]) is null)
            {
                throw new SlackApiException("user_not_found");
            }

            dm = workspace.OpenDm(users[0], out alreadyOpen);
        }

        var response = SlackJson.Ok();
        if (alreadyOpen)
        {
            response["no_op"] = true;
            response["already_open"] = true;
        }

        response["channel"] = args.Bool("return_im") ? SlackJson.Channel(dm, workspace) : new JsonObject { ["id"] = dm.Id };
        return response;
    }

    private static JsonObject MessagePage(List<JsonObject> messages, ApiArgs args, string kind, int fallback, int max)
    {
        var (page, next) = Pager.Page(messages, args, kind, fallback, max);
        var response = SlackJson.Ok();
        response["messages"] = new JsonArray([.. page.Select(m => (JsonNode)m.DeepClone())]);
        response["has_more"] = next.Length > 0;
        if (kind == "history")
        {
            response["pin_count"] = 0;
        }

        response["response_metadata"] = Pager.Metadata(next);
        return response;
    }

    /// <summary>Slack's oldest/latest bounds are exclusive unless <c>inclusive</c> is set.</summary>
    private static Func<JsonObject, bool> InWindow(ApiArgs args)
    {
        var oldest = TsClock.Parse(args.Str("oldest"));
        var latest = TsClock.Parse(args.Str("latest"));
        var inclusive = args.Bool("inclusive");
        return message =>
        {
            var ts = TsClock.Parse((string?)message["ts"]) ?? 0m;
            var afterOldest = oldest is null || (inclusive ? ts >= oldest : ts > oldest);
            var beforeLatest = latest is null || (inclusive ? ts <= latest : ts < latest);
            return afterOldest && beforeLatest;
        };
    }

    private ChannelState Find(ApiArgs args) =>
        workspace.Channel(args.Required("channel")) ?? throw new SlackApiException("channel_not_found");

    /// <summary>Reading history needs the bot in the conversation, as with a real bot token.</summary>
    private ChannelState FindReadable(ApiArgs args)
    {
        var channel = Find(args);
        return Options.EnforceBotMembership && !channel.Members.Contains(workspace.BotUserId)
            ? throw new SlackApiException("not_in_channel")
            : channel;
    }
}
