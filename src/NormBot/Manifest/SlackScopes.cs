using NormBot.Slack.Handlers;

namespace NormBot.Manifest;

/// <summary>
/// The bot scopes each Web API method, bot event and the slash command needs. The manifest asks for the union
/// of these and nothing else; a test keeps <see cref="ByMethod"/> in step with the methods the API client calls.
/// </summary>
public static class SlackScopes
{
    /// <summary>Every Web API method <c>SlackApiClient</c> calls, with the bot scopes Slack requires for it.</summary>
    public static IReadOnlyDictionary<string, string[]> ByMethod { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["auth.test"] = [], // readiness check: any token may call it
        ["chat.postMessage"] = ["chat:write"], // overdue DMs, escalations, the copy posted in the urgent channel
        ["chat.postEphemeral"] = ["chat:write"], // context tips and misroute nudges, seen by the author only
        ["chat.update"] = ["chat:write"], // replaces an overdue DM once its button was pressed
        ["chat.getPermalink"] = [], // links to the original message; no scope needed
        ["conversations.info"] = ["channels:read", "groups:read"], // channel names in nudges, public and private
        ["conversations.members"] = ["channels:read", "groups:read"], // who may read a private channel's quoted text
        ["conversations.replies"] = ["channels:history", "groups:history"], // the text of a message being moved
        ["users.info"] = ["users:read"], // time zones (working hours), status (away) and admin/owner flags (who is a leader)
        ["dnd.info"] = ["dnd:read"], // hours slack: a person's hours from their notification schedule
        ["users.list"] = ["users:read"], // hand-typed @name in /norms; bots and deactivated people are never assignees
        ["conversations.list"] = ["channels:read", "groups:read"], // hand-typed #name in /norms
        ["usergroups.users.list"] = ["usergroups:read"], // an ask to @design-team waits on its members
        ["views.publish"] = [], // App Home tab; needs no scope, only the Home tab enabled
        ["apps.connections.open"] = [], // Socket Mode: uses the app-level token (connections:write), not a bot scope
    };

    /// <summary>Bot event subscriptions (as in <see cref="SlackHandlers.BotEvents"/>) and the scope each needs.</summary>
    public static IReadOnlyDictionary<string, string[]> ByBotEvent { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["message.channels"] = ["channels:history"], // every rule starts from a channel message
        ["message.groups"] = ["groups:history"], // the same in private channels the bot was invited to
        ["reaction_added"] = ["reactions:read"], // ✅ answers an ask, 📌 records a decision
        ["reaction_removed"] = ["reactions:read"], // taking the ✅ back reopens the ask
        ["subteam_members_changed"] = ["usergroups:read"], // keeps the cached members of user groups current
        ["app_home_opened"] = [], // App Home refresh; needs no scope

        // Slack leaving (PRODUCT §12): asks in a channel NormBot can no longer see are closed.
        ["channel_archive"] = ["channels:read"],
        ["group_archive"] = ["groups:read"],
        ["channel_deleted"] = ["channels:read"],
        ["group_deleted"] = ["groups:read"],
        ["channel_left"] = ["channels:read"], // the bot left or was removed (public)
        ["group_left"] = ["groups:read"], // the same, private
        ["member_left_channel"] = ["channels:read", "groups:read"], // someone left; it matters when it is the bot
        ["member_joined_channel"] = ["channels:read", "groups:read"], // a newcomer gets the channel's norms card
        ["app_uninstalled"] = [], // the installation is removed; no scope
        ["tokens_revoked"] = [], // the bot token was revoked; no scope
        ["user_change"] = ["users:read"], // status and time zone changes: who is away, and until when
    };

    /// <summary>The slash command needs <c>commands</c>.</summary>
    public const string CommandScope = "commands";

    /// <summary>The bot scopes the manifest requests, sorted.</summary>
    public static IReadOnlyList<string> Bot() =>
        ByMethod.Values
            .Concat(SlackHandlers.BotEvents.Select(e => ByBotEvent.TryGetValue(e, out var scopes)
                ? scopes
                : throw new InvalidOperationException($"Bot event {e} has no entry in SlackScopes.ByBotEvent")))
            .SelectMany(s => s)
            .Append(CommandScope)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
