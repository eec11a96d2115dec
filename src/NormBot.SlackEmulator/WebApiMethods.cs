using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>One workspace's method table: which handler answers a Web API method and which token type it demands.</summary>
internal sealed class WebApiMethods
{
    private readonly Dictionary<string, (bool NeedsAppToken, Func<ApiArgs, JsonObject> Handle)> _methods;

    public WebApiMethods(SlackWorkspace workspace, SocketHub sockets)
    {
        Workspace = workspace;
        var chat = new ChatMethods(workspace);
        var conversations = new ConversationMethods(workspace);
        var app = new AppMethods(workspace);
        var users = new UserMethods(workspace);
        var directory = new DirectoryMethods(workspace);
        _methods = new(StringComparer.Ordinal)
        {
            ["auth.test"] = (false, app.AuthTest),
            ["chat.postMessage"] = (false, chat.PostMessage),
            ["chat.postEphemeral"] = (false, chat.PostEphemeral),
            ["chat.update"] = (false, chat.Update),
            ["chat.getPermalink"] = (false, chat.GetPermalink),
            ["conversations.info"] = (false, conversations.Info),
            ["conversations.history"] = (false, conversations.History),
            ["conversations.replies"] = (false, conversations.Replies),
            ["conversations.members"] = (false, conversations.Members),
            ["conversations.open"] = (false, conversations.Open),
            ["users.info"] = (false, users.UsersInfo),
            ["users.profile.get"] = (false, users.UsersProfileGet),
            ["dnd.info"] = (false, users.DndInfo),
            ["users.list"] = (false, directory.UsersList),
            ["conversations.list"] = (false, directory.ConversationsList),
            ["usergroups.users.list"] = (false, directory.UserGroupMembers),
            ["views.publish"] = (false, app.ViewsPublish),
            ["views.open"] = (false, app.ViewsOpen),
            ["reactions.add"] = (false, app.ReactionsAdd),
            ["apps.connections.open"] = (true, _ => OpenConnection(sockets)),
        };
    }

    public SlackWorkspace Workspace { get; }

    public bool TryGet(string method, out bool needsAppToken, out Func<ApiArgs, JsonObject> handle)
    {
        var found = _methods.TryGetValue(method, out var entry);
        (needsAppToken, handle) = found ? entry : (false, _ => SlackJson.Error("unknown_method"));
        return found;
    }

    private static JsonObject OpenConnection(SocketHub sockets)
    {
        var response = SlackJson.Ok();
        response["url"] = sockets.IssueUrl();
        return response;
    }
}
