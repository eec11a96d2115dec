using NormBot.Norms.Asks;
using NormBot.Norms.Context;
using NormBot.Norms.Preview;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Norms.Rules;

/// <summary>
/// Every channel message passes here: new human messages go through the three rules; edits and
/// deletions update what is tracked; bots, the bot itself and system subtypes are ignored. A message delivered
/// more than a day after its ts (a replay, a backfill) is recorded with its clock starting on delivery, and gets no
/// nudge (PRODUCT §12); within a day the clock starts at ts, so a bot that was down catches up (§10).
/// </summary>
public sealed class MessageRulesHandler(
    ProtocolService protocols, ContextRule contextRule, MisrouteRule misroute, AskRule asks,
    PendingContextStore pending, AskStore askStore, DecisionStore decisions, PreviewStore facts, TimeProvider time) : IEventHandler<MessageEvent>
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromHours(24);

    // Subtypes that are new human content; everything else (joins, topic changes, bot posts) is not.
    private static readonly HashSet<string?> HumanSubtypes = [null, "thread_broadcast", "file_share"];

    public async Task HandleAsync(MessageEvent slackEvent, EventContext context, CancellationToken ct)
    {
        if (slackEvent.Channel is null || slackEvent.ChannelType is "im" or "mpim")
        {
            return;
        }

        switch (slackEvent.Subtype)
        {
            case "message_changed" when slackEvent.Message is { Ts: not null } edited:
                await OnEditedAsync(context, slackEvent.Channel, edited, slackEvent.Ts, ct);
                return;
            case "message_deleted" when slackEvent.DeletedTs is not null:
                await pending.CancelAsync(context.TeamId, slackEvent.Channel, slackEvent.DeletedTs, ct);
                await askStore.ResolveAsync(context.TeamId, slackEvent.Channel, slackEvent.DeletedTs, Ask.Deleted, null, ct);
                return;
        }

        if (!HumanSubtypes.Contains(slackEvent.Subtype) || slackEvent.BotId is not null || slackEvent.User is null
            || slackEvent.User == context.BotUserId || !SlackTs.TryToInstant(slackEvent.Ts, out var at))
        {
            return;
        }

        var protocol = await protocols.GetAsync(context.TeamId, slackEvent.Channel, ct);
        if (!protocol.Tracking)
        {
            return;
        }

        var text = slackEvent.Text ?? "";
        var said = new SaidMessage(context.TeamId, slackEvent.Channel, slackEvent.User, slackEvent.Ts!, slackEvent.IsThreadReply ? slackEvent.ThreadTs : null, text, slackEvent.Files is { Count: > 0 })
        {
            BotUserId = context.BotUserId,
        };

        // A later message from the author is the follow-up that cancels a waiting context nudge.
        await pending.CancelFollowedUpAsync(context.TeamId, slackEvent.Channel, slackEvent.User, said.Ts, ct);
        await facts.RecordAsync(said, ct);
        if (said.ThreadTs is not null)
        {
            await asks.OnThreadReplyAsync(said, ct);
        }

        if (text.TrimStart().StartsWith("Decision:", StringComparison.OrdinalIgnoreCase))
        {
            await decisions.RecordAsync(context.TeamId, slackEvent.Channel, said.Ts, slackEvent.User, at, Excerpt.Of(text), ct);
        }

        var now = time.GetUtcNow();
        var late = now - at > LateAfter;

        // Slack Connect: someone of another organisation gets no tips from us, and their asks are tracked only when
        // the channel's protocol says so, without a word to them (PRODUCT §12).
        var outsider = context.IsExtSharedChannel && (slackEvent.UserTeam ?? slackEvent.Team) is { Length: > 0 } team && team != context.TeamId;
        if (late || outsider)
        {
            if (!outsider || protocol.ExternalAsks)
            {
                await asks.EvaluateAsync(said, protocol, ct, since: late ? now : null, quiet: true);
            }

            return;
        }

        await contextRule.EvaluateAsync(said, protocol, ct);
        await misroute.EvaluateAsync(said, protocol, ct);
        await asks.EvaluateAsync(said, protocol, ct);
    }

    private async Task OnEditedAsync(EventContext context, string channelId, MessageEvent edited, string? editTs, CancellationToken ct)
    {
        var teamId = context.TeamId;
        var protocol = await protocols.GetAsync(teamId, channelId, ct);
        if (contextRule.HasContextNow(edited.Text ?? "", edited.Files is { Count: > 0 }, protocol))
        {
            await pending.CancelAsync(teamId, channelId, edited.Ts!, ct);
        }

        if (!SlackTs.TryToInstant(edited.Ts, out _))
        {
            return;
        }

        if (await askStore.FindAsync(teamId, channelId, edited.Ts!, ct) is not null)
        {
            await askStore.UpdateExcerptAsync(teamId, channelId, edited.Ts!, Excerpt.Of(edited.Text ?? ""), ct);
        }
        else if (protocol.Tracking && edited is { User: { } user, BotId: null } && user != context.BotUserId)
        {
            // An edit that turns a message into an ask ("@bob" becomes "@bob can you review…") opens it now: its
            // clock starts at the edit, since nobody could have answered the question before it was asked.
            var said = new SaidMessage(teamId, channelId, user, edited.Ts!, edited.IsThreadReply ? edited.ThreadTs : null, edited.Text ?? "", edited.Files is { Count: > 0 })
            {
                BotUserId = context.BotUserId,
            };
            var now = time.GetUtcNow();
            DateTimeOffset? editedAt = SlackTs.TryToInstant(editTs, out var e) ? (now - e > LateAfter ? now : e) : null;
            await asks.EvaluateAsync(said, protocol, ct, editedAt);
        }
    }
}

/// <summary>A new human message, as the rules see it.</summary>
public sealed record SaidMessage(string TeamId, string ChannelId, string UserId, string Ts, string? ThreadTs, string Text, bool HasFiles)
{
    /// <summary>The bot's own user in this workspace: mentioning it does not make an ask.</summary>
    public string BotUserId { get; init; } = "";

    public DateTimeOffset At => SlackTs.ToInstant(Ts);

    public bool IsTopLevel => ThreadTs is null;
}
