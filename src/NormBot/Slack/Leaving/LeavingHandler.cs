using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Slack.Leaving;

/// <summary>Slack leaving (PRODUCT §12): channels archived, deleted or left by the bot; the app uninstalled or its bot token revoked.</summary>
public sealed class LeavingHandler(SlackGone gone)
    : IEventHandler<ChannelGoneEvent>, IEventHandler<MemberLeftChannelEvent>, IEventHandler<AppUninstalledEvent>, IEventHandler<TokensRevokedEvent>
{
    public Task HandleAsync(ChannelGoneEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        ArgumentNullException.ThrowIfNull(context);
        return slackEvent.Channel is { } channel ? gone.ChannelAsync(context.TeamId, channel, slackEvent.Type ?? "channel gone", ct) : Task.CompletedTask;
    }

    public Task HandleAsync(MemberLeftChannelEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        ArgumentNullException.ThrowIfNull(context);

        // Anyone else leaving changes nothing: asks assigned to them stay until answered, declined or closed.
        return slackEvent.User == context.BotUserId && slackEvent.Channel is { } channel
            ? gone.ChannelAsync(context.TeamId, channel, "bot removed from the channel", ct)
            : Task.CompletedTask;
    }

    public Task HandleAsync(AppUninstalledEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return gone.WorkspaceAsync(context.TeamId, "app_uninstalled", ct);
    }

    public Task HandleAsync(TokensRevokedEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        ArgumentNullException.ThrowIfNull(context);

        // Slack lists user ids, not tokens; NormBot's only token in a workspace is its bot's, so any bot entry is ours.
        // Revoked user tokens (oauth) are not ours to worry about.
        return slackEvent.Tokens?.Bot is { Count: > 0 } ? gone.WorkspaceAsync(context.TeamId, "tokens_revoked", ct) : Task.CompletedTask;
    }
}
