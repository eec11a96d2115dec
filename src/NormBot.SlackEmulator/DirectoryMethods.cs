using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>users.list and conversations.list (cursor-paged like Slack's) and usergroups.users.list (not paged); called under the workspace lock.</summary>
internal sealed class DirectoryMethods(SlackWorkspace workspace)
{
    private static readonly HashSet<string> ConversationTypes = ["public_channel", "private_channel", "im", "mpim"];

    private SlackEmulatorOptions Options => workspace.Options;

    public JsonObject UsersList(ApiArgs args)
    {
        var (page, next) = Pager.Page(workspace.UsersInOrder(), args, "users", fallback: 100, max: 1000);
        var response = SlackJson.Ok();
        response["members"] = new JsonArray([.. page.Select(u => (JsonNode)SlackJson.User(u, workspace))]);
        response["cache_ts"] = Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        response["response_metadata"] = Pager.Metadata(next);
        return response;
    }

    public JsonObject ConversationsList(ApiArgs args)
    {
        var types = (args.Str("types") ?? "public_channel").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (types.Any(t => !ConversationTypes.Contains(t)))
        {
            throw new SlackApiException("invalid_types");
        }

        // A bot token sees every public channel, and private channels only where it is a member.
        List<JsonObject> channels = [.. workspace.ConversationsInOrder()
            .Where(c => types.Contains(TypeOf(c)) && (!c.IsPrivate || c.IsIm || c.Members.Contains(workspace.BotUserId)))
            .Select(c => SlackJson.Channel(c, workspace))];

        var (page, next) = Pager.Page(channels, args, "channels", fallback: 100, max: 1000);
        var response = SlackJson.Ok();
        response["channels"] = new JsonArray([.. page.Select(c => (JsonNode)c)]);
        response["response_metadata"] = Pager.Metadata(next);
        return response;
    }

    public JsonObject UserGroupMembers(ApiArgs args)
    {
        var members = workspace.UserGroupMembers(args.Required("usergroup"));
        var response = SlackJson.Ok();
        response["users"] = new JsonArray([.. (members ?? throw new SlackApiException("no_such_subteam")).Select(m => (JsonNode)m)]);
        return response;
    }

    private static string TypeOf(ChannelState channel) => channel.IsIm ? "im" : channel.IsPrivate ? "private_channel" : "public_channel";
}
