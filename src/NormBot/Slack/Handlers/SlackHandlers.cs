using NormBot.Norms.Feedback;
using NormBot.Norms.Nudges;
using NormBot.Norms.Rules;
using NormBot.Protocols.Commands;
using NormBot.Protocols.Home;
using NormBot.Slack.Events;
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
        public const string AppMention = "app_mention";
        public const string ReactionAdded = "reaction_added";
        public const string ReactionRemoved = "reaction_removed";
        public const string SubteamMembersChanged = "subteam_members_changed";
        public const string AppHomeOpened = "app_home_opened";
    }

    /// <summary>Bot event subscriptions (manifest names): message arrives per conversation type.</summary>
    public static readonly IReadOnlyList<string> BotEvents =
        ["app_home_opened", "app_mention", "message.channels", "message.groups", "reaction_added", "reaction_removed", "subteam_members_changed"];

    public static IServiceCollection AddSlackHandlers(this IServiceCollection services)
    {
        services.AddScoped<IEventHandler<MessageEvent>, MessageRulesHandler>();
        services.AddScoped<IEventHandler<ReactionAddedEvent>, ReactionRulesHandler>();
        services.AddScoped<IEventHandler<ReactionRemovedEvent>, ReactionRulesHandler>();
        services.AddScoped<IEventHandler<SubteamMembersChangedEvent>, UserGroupEventsHandler>();
        services.AddScoped<IBlockActionHandler, NudgeActionsHandler>();
        services.AddScoped<IBlockActionHandler, NudgeFeedbackHandler>();
        services.AddScoped<ISlashCommandHandler, NormsCommandHandler>();
        services.AddScoped<IEventHandler<AppHomeOpenedEvent>, HomeTabHandler>();
        return services;
    }
}
