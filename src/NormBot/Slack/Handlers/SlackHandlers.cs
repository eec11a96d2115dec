using NormBot.Norms.Feedback;
using NormBot.Norms.Nudges;
using NormBot.Norms.People;
using NormBot.Norms.Rules;
using NormBot.Protocols.Card;
using NormBot.Protocols.Commands;
using NormBot.Protocols.Home;
using NormBot.Slack.Events;
using NormBot.Slack.Leaving;
using NormBot.Slack.Users;

namespace NormBot.Slack.Handlers;

/// <summary>
/// Every Slack registration in one place: the events the dispatcher routes, the slash command and the
/// action ids. The manifest is generated from these lists, so it cannot drift from the code.
/// </summary>
public static class SlackHandlers
{
    public const string Command = NormsCommandHandler.Command;

    /// <summary>Event types the dispatcher routes.</summary>
    public static class Events
    {
        public const string Message = "message";
        public const string ReactionAdded = "reaction_added";
        public const string ReactionRemoved = "reaction_removed";
        public const string SubteamMembersChanged = "subteam_members_changed";
        public const string AppHomeOpened = "app_home_opened";

        // Slack leaving (PRODUCT §12). Each is delivered only to apps subscribed to it (Slack's event pages), so each is in
        // BotEvents; the message subtypes channel_archive/channel_leave are not enough: nothing arrives once the bot is out.
        public const string ChannelArchive = "channel_archive";
        public const string GroupArchive = "group_archive";
        public const string ChannelDeleted = "channel_deleted";
        public const string GroupDeleted = "group_deleted";
        public const string ChannelLeft = "channel_left";
        public const string GroupLeft = "group_left";
        public const string MemberLeftChannel = "member_left_channel";
        public const string AppUninstalled = "app_uninstalled";
        public const string TokensRevoked = "tokens_revoked";
        public const string UserChange = "user_change";

        // A newcomer gets the channel's norms card (PRODUCT §16).
        public const string MemberJoinedChannel = "member_joined_channel";
    }

    /// <summary>Bot event subscriptions (manifest names): message arrives per conversation type.</summary>
    public static readonly IReadOnlyList<string> BotEvents =
    [
        "app_home_opened", "message.channels", "message.groups", "reaction_added",
        Events.ChannelArchive, Events.GroupArchive, Events.ChannelDeleted, Events.GroupDeleted, Events.ChannelLeft, Events.GroupLeft,
        Events.MemberLeftChannel, Events.AppUninstalled, Events.TokensRevoked, Events.UserChange,
        "reaction_removed", "subteam_members_changed", Events.MemberJoinedChannel,
    ];

    public static IServiceCollection AddSlackHandlers(this IServiceCollection services)
    {
        services.AddScoped<IEventHandler<MessageEvent>, MessageRulesHandler>();
        services.AddScoped<IEventHandler<ReactionAddedEvent>, ReactionRulesHandler>();
        services.AddScoped<IEventHandler<ReactionRemovedEvent>, ReactionRulesHandler>();
        services.AddScoped<IEventHandler<SubteamMembersChangedEvent>, UserGroupEventsHandler>();
        services.AddScoped<IBlockActionHandler, NudgeActionsHandler>();
        services.AddScoped<IBlockActionHandler, NudgeFeedbackHandler>();
        services.AddScoped<IBlockActionHandler, LeaderHomeActions>();
        services.AddScoped<ISlashCommandHandler, NormsCommandHandler>();
        services.AddScoped<IEventHandler<AppHomeOpenedEvent>, HomeTabHandler>();
        services.AddScoped<LeavingHandler>();
        services.AddScoped<IEventHandler<ChannelGoneEvent>>(sp => sp.GetRequiredService<LeavingHandler>());
        services.AddScoped<IEventHandler<MemberLeftChannelEvent>>(sp => sp.GetRequiredService<LeavingHandler>());
        services.AddScoped<IEventHandler<AppUninstalledEvent>>(sp => sp.GetRequiredService<LeavingHandler>());
        services.AddScoped<IEventHandler<TokensRevokedEvent>>(sp => sp.GetRequiredService<LeavingHandler>());
        services.AddScoped<IEventHandler<UserChangeEvent>, UserChangeHandler>();
        services.AddScoped<IEventHandler<MemberJoinedChannelEvent>, NormsCardHandler>();
        return services;
    }
}
