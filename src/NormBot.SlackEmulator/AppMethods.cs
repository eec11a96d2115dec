using System.Globalization;
using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>auth.test, reactions.add and views.* (Home tab publish, modal open).</summary>
internal sealed class AppMethods(SlackWorkspace workspace)
{
    private int _viewCounter;

    private SlackEmulatorOptions Options => workspace.Options;

    public JsonObject AuthTest(ApiArgs args)
    {
        var response = SlackJson.Ok();
        response["url"] = SlackJson.WorkspaceUrl;
        response["team"] = workspace.TeamName;
        response["user"] = workspace.BotUserName;
        response["team_id"] = workspace.TeamId;
        response["user_id"] = workspace.BotUserId;
        response["bot_id"] = workspace.BotId;
        response["is_enterprise_install"] = false;
        return response;
    }

    public JsonObject ReactionsAdd(ApiArgs args)
    {
        var channel = workspace.Channel(args.Required("channel")) ?? throw new SlackApiException("channel_not_found");
        var name = args.Required("name");
        var message = channel.FindMessage(args.Required("timestamp")) ?? throw new SlackApiException("message_not_found");
        if (name.Contains(':', StringComparison.Ordinal) && !name.Contains("::", StringComparison.Ordinal))
        {
            throw new SlackApiException("invalid_name");
        }

        var reactions = message["reactions"] as JsonArray ?? [];
        message["reactions"] = reactions;
        var reaction = reactions.OfType<JsonObject>().FirstOrDefault(r => (string?)r["name"] == name);
        if (reaction is null)
        {
            reaction = new JsonObject { ["name"] = name, ["users"] = new JsonArray(), ["count"] = 0 };
            reactions.Add(reaction);
        }

        var users = reaction["users"]!.AsArray();
        if (users.Any(u => (string?)u == workspace.BotUserId))
        {
            throw new SlackApiException("already_reacted");
        }

        users.Add(workspace.BotUserId);
        reaction["count"] = users.Count;
        return SlackJson.Ok();
    }

    public JsonObject ViewsPublish(ApiArgs args)
    {
        var userId = args.Required("user_id");
        var view = args.RequiredObject("view");
        RequireType(view, "home");
        if (workspace.FindUser(userId) is null)
        {
            throw new SlackApiException("user_not_found");
        }

        var existing = workspace.GetHomeView(userId);
        if (args.Str("hash") is { Length: > 0 } hash && existing is not null && (string?)existing["hash"] != hash)
        {
            throw new SlackApiException("hash_conflict");
        }

        var stored = Materialise(view, (string?)existing?["id"]);
        workspace.SetHomeView(userId, stored);
        return WithView(stored);
    }

    public JsonObject ViewsOpen(ApiArgs args)
    {
        _ = args.Required("trigger_id");
        var view = args.RequiredObject("view");
        RequireType(view, "modal");
        if (view["title"] is null)
        {
            throw new SlackApiException("invalid_arguments", "[ERROR] missing required field: title [json-pointer:/view/title]");
        }

        return WithView(Materialise(view, existingId: null));
    }

    private static void RequireType(JsonObject view, string type)
    {
        if ((string?)view["type"] != type)
        {
            throw new SlackApiException("invalid_arguments", $"[ERROR] view.type must be {type} [json-pointer:/view/type]");
        }
    }

    private static JsonObject WithView(JsonObject view)
    {
        var response = SlackJson.Ok();
        response["view"] = view.DeepClone();
        return response;
    }

    /// <summary>Adds the server-side fields Slack fills in (id, hash, state, app identity) to a client view.</summary>
    private JsonObject Materialise(JsonObject view, string? existingId)
    {
        var id = existingId ?? string.Create(CultureInfo.InvariantCulture, $"V0EMU{Interlocked.Increment(ref _viewCounter):D5}");
        var stored = view.DeepClone().AsObject();
        stored["id"] = id;
        stored["team_id"] = workspace.TeamId;
        stored["blocks"] ??= new JsonArray();
        stored["private_metadata"] ??= string.Empty;
        stored["callback_id"] ??= string.Empty;
        stored["external_id"] ??= string.Empty;
        stored["state"] = new JsonObject { ["values"] = new JsonObject() };
        stored["hash"] = workspace.Clock.Next() + ".emu";
        stored["clear_on_close"] ??= false;
        stored["notify_on_close"] ??= false;
        stored["root_view_id"] = id;
        stored["previous_view_id"] = null;
        stored["app_id"] = Options.AppId;
        stored["app_installed_team_id"] = workspace.TeamId;
        stored["bot_id"] = workspace.BotId;
        return stored;
    }
}
