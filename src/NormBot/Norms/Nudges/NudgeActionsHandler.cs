using NormBot.Norms.Asks;
using NormBot.Norms.Feedback;
using NormBot.Protocols.Home;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Slack.Quotes;

namespace NormBot.Norms.Nudges;

/// <summary>The buttons on nudges: move a misrouted message, dismiss it, or settle an overdue ask.</summary>
public sealed class NudgeActionsHandler(
    ISlackClients clients, AskStore asks, AnsweredAsks answered, NudgeFeedbackStore feedback, SlackQuotes quotes, NudgeOwners owners, HomeViewBuilder home,
    TimeProvider time) : IBlockActionHandler
{
    public IReadOnlyCollection<string> ActionIds => NudgeActions.All;

    public async Task HandleAsync(BlockActionRequest request, BlockAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        if (action.ActionId == NudgeActions.ReplyNow || NudgeActions.Parts(action.Value) is not [var channel, var ts, ..]
            || !await owners.CheckAsync(request, channel, ts, ct))
        {
            return;
        }

        await ActAsync(request, action, ct);
    }

    private Task ActAsync(BlockActionRequest request, BlockAction action, CancellationToken ct) => action.ActionId switch
    {
        NudgeActions.PostInChannel => MoveAsync(request, NudgeActions.Parts(action.Value), ct),
        NudgeActions.NotUrgent => DismissAsync(request, NudgeActions.Parts(action.Value), ct),
        NudgeActions.MarkAnswered => SettleAsync(request, NudgeActions.Parts(action.Value), "answered", ct),
        NudgeActions.Snooze => SettleAsync(request, NudgeActions.Parts(action.Value), "snoozed", ct),
        NudgeActions.NotForMe => SettleAsync(request, NudgeActions.Parts(action.Value), "declined", ct),
        _ => Task.CompletedTask, // "Reply now" is a link; Slack opens it without us.
    };

    private async Task MoveAsync(BlockActionRequest request, string[] parts, CancellationToken ct)
    {
        if (parts is not [var channel, var ts, var target])
        {
            return;
        }

        var slack = clients.For(request.TeamId);

        // We keep no message bodies (PRODUCT §9), so read the original from Slack at the moment it is moved.
        SlackMessage? original = null;
        await foreach (var message in slack.GetConversationRepliesAsync(channel, ts, ct))
        {
            original = message;
            break;
        }

        var permalink = await slack.GetPermalinkAsync(channel, ts, ct);
        var (text, blocks) = NudgeMessages.MovedCopy(original?.User ?? request.UserId, channel, await quotes.OfAsync(request.TeamId, original?.Text ?? "", ct), permalink);
        await slack.PostMessageAsync(new PostMessage(target, text, blocks), ct);
        await feedback.RecordOutcomeAsync(request.TeamId, request.UserId, Nudge.Misroute, channel, ts, "moved", ct);
        await ReplaceNudgeAsync(request, $":white_check_mark: Posted in <#{target}>. Thanks for keeping urgent things where they're seen.", ct);
    }

    private async Task DismissAsync(BlockActionRequest request, string[] parts, CancellationToken ct)
    {
        if (parts is not [var channel, var ts, ..])
        {
            return;
        }

        // "Not urgent" is this nudge's Not helpful; the nudge's detail keeps the matched words, so it shows which keywords misfire.
        await feedback.NotHelpfulAsync(request.TeamId, request.UserId, Nudge.Misroute, channel, ts, ct);
        await ReplaceNudgeAsync(request, ":ok_hand: Got it, not urgent. Noted, so NormBot can learn which words misfire.", ct);
    }

    private async Task SettleAsync(BlockActionRequest request, string[] parts, string how, CancellationToken ct)
    {
        if (parts is not [var channel, var ts, ..])
        {
            return;
        }

        var reply = how switch
        {
            "answered" => await answered.AnswerAsync(request.TeamId, channel, ts, request.UserId, AnswerKind.Button, null, Pressed(request), ct)
                ? ":white_check_mark: Marked answered. Thanks!" : "This ask was already closed.",
            "snoozed" => await SnoozeAsync(request, channel, ts, ct),
            _ => await DeclineAsync(request, channel, ts, ct),
        };
        if (request.ChannelId is { } dm && request.MessageTs is { } messageTs)
        {
            await clients.For(request.TeamId).UpdateMessageAsync(new UpdateMessage(dm, messageTs, reply, [new SectionBlock(TextObject.Markdown(reply))]), ct);
        }
        else if (request.ViewId is not null)
        {
            // Pressed in the Home tab: show it again without the settled ask.
            await clients.For(request.TeamId).PublishViewAsync(request.UserId, await home.BuildAsync(request.TeamId, request.UserId, ct), ct);
        }
    }

    // The DM whose button was pressed is edited right here; the other reminders about the ask are edited by AnsweredAsks.
    private static PostedAbout? Pressed(BlockActionRequest request) =>
        request is { ChannelId: { } channel, MessageTs: { } ts } ? new PostedAbout(channel, ts) : null;

    private async Task<string> SnoozeAsync(BlockActionRequest request, string channel, string ts, CancellationToken ct)
    {
        await asks.RemindLaterAsync(request.TeamId, channel, ts, request.UserId, time.GetUtcNow().AddHours(1), ct);
        return ":zzz: Snoozed for an hour. I'll remind you then.";
    }

    private async Task<string> DeclineAsync(BlockActionRequest request, string channel, string ts, CancellationToken ct)
    {
        await asks.DeclineAsync(request.TeamId, channel, ts, request.UserId, ct);
        return ":wave: Got it, not for you. You won't be reminded about this one again.";
    }

    private async Task ReplaceNudgeAsync(BlockActionRequest request, string text, CancellationToken ct)
    {
        // Ephemeral nudges cannot be edited with chat.update; their response_url can replace them.
        if (Uri.TryCreate(request.ResponseUrl, UriKind.Absolute, out var url))
        {
            await clients.For(request.TeamId).PostToResponseUrlAsync(url, new ResponseUrlMessage(text, [new SectionBlock(TextObject.Markdown(text))], ResponseUrlMessage.Ephemeral, ReplaceOriginal: true), ct);
        }
    }
}
