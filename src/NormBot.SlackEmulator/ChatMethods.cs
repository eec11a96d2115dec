using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>chat.* methods: posts, ephemeral posts, edits and permalinks against the workspace store.</summary>
internal sealed class ChatMethods(SlackWorkspace workspace)
{
    private SlackEmulatorOptions Options => workspace.Options;

    public JsonObject PostMessage(ApiArgs args)
    {
        var channel = ResolveForPost(args.Required("channel"));
        var message = BotMessages.Build(args, workspace);
        var threadTs = args.Str("thread_ts");
        if (!string.IsNullOrEmpty(threadTs) && args.Bool("reply_broadcast"))
        {
            message["subtype"] = "thread_broadcast";
        }

        var ts = Threads.Append(channel, message, threadTs, workspace.Clock.Next());
        var response = SlackJson.Ok();
        response["channel"] = channel.Id;
        response["ts"] = ts;
        response["message"] = message.DeepClone();
        return response;
    }

    public JsonObject PostEphemeral(ApiArgs args)
    {
        var channel = ResolveForPost(args.Required("channel"));
        var userId = args.Required("user");
        if (workspace.FindUser(userId) is null)
        {
            throw new SlackApiException("user_not_found");
        }

        if (!channel.Members.Contains(userId))
        {
            throw new SlackApiException("user_not_in_channel");
        }

        _ = BotMessages.Build(args, workspace);
        var response = SlackJson.Ok();
        response["message_ts"] = workspace.Clock.Next();
        return response;
    }

    public JsonObject Update(ApiArgs args)
    {
        var channel = workspace.Channel(args.Required("channel")) ?? throw new SlackApiException("channel_not_found");
        var ts = args.Required("ts");
        var message = channel.FindMessage(ts) ?? throw new SlackApiException("message_not_found");
        if ((string?)message["user"] != workspace.BotUserId)
        {
            throw new SlackApiException("cant_update_message");
        }

        var edit = BotMessages.Build(args, workspace);
        foreach (var field in new[] { "text", "blocks", "attachments", "metadata" })
        {
            if (edit[field] is { } value)
            {
                message[field] = value.DeepClone();
            }
        }

        message["edited"] = new JsonObject { ["user"] = workspace.BotUserId, ["ts"] = workspace.Clock.Next() };
        var response = SlackJson.Ok();
        response["channel"] = channel.Id;
        response["ts"] = ts;
        response["text"] = message["text"]?.DeepClone();
        // Slack's chat.update echoes the edited content only, without ts or thread fields.
        var echo = new JsonObject();
        foreach (var (key, value) in message.Where(kv => BotMessages.UpdateEchoFields.Contains(kv.Key)))
        {
            echo[key] = value?.DeepClone();
        }

        response["message"] = echo;
        return response;
    }

    public JsonObject GetPermalink(ApiArgs args)
    {
        var channel = workspace.Channel(args.Required("channel")) ?? throw new SlackApiException("channel_not_found");
        var ts = args.Required("message_ts");
        var message = channel.FindMessage(ts) ?? throw new SlackApiException("message_not_found");
        var link = $"https://emulator.slack.test/archives/{channel.Id}/p{ts.Replace(".", string.Empty, StringComparison.Ordinal)}";
        if (Threads.IsReply(message))
        {
            link += $"?thread_ts={(string?)message["thread_ts"]}&cid={channel.Id}";
        }

        var response = SlackJson.Ok();
        response["channel"] = channel.Id;
        response["permalink"] = link;
        return response;
    }

    /// <summary>Accepts channel ids, #names, DM ids and user ids (a user id posts into the bot's DM with them).</summary>
    private ChannelState ResolveForPost(string target)
    {
        if (target.StartsWith('U') || target.StartsWith('W'))
        {
            return workspace.FindUser(target) is null
                ? throw new SlackApiException("channel_not_found")
                : workspace.OpenDm(target, out _);
        }

        var channel = workspace.ChannelByIdOrName(target) ?? throw new SlackApiException("channel_not_found");
        if (Options.EnforceBotMembership && !channel.IsIm && !channel.Members.Contains(workspace.BotUserId))
        {
            throw new SlackApiException("not_in_channel");
        }

        return channel;
    }
}
