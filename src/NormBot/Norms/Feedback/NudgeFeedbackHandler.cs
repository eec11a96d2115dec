using NormBot.Norms.Asks;
using NormBot.Norms.Classification;
using NormBot.Norms.Nudges;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Slack.Installations;

namespace NormBot.Norms.Feedback;

/// <summary>
/// Why? answers privately with <see cref="NudgeExplanations"/>; Not helpful records a false positive for the rule and
/// message, thanks the person, and (for a reminder) stops reminding them about that ask.
/// </summary>
public sealed class NudgeFeedbackHandler(
    ISlackClients clients, NudgeFeedbackStore feedback, ProtocolService protocols, LeaderPolicy leaders, AskStore asks, InstallationDirectory installations, NudgeOwners owners)
    : IBlockActionHandler
{
    public IReadOnlyCollection<string> ActionIds => NudgeFeedback.ActionIds;

    public async Task HandleAsync(BlockActionRequest request, BlockAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        if (NudgeActions.Parts(action.Value) is not [var rule, var channel, var ts] || !await owners.CheckAsync(request, channel, ts, ct))
        {
            return;
        }

        await (action.ActionId == NudgeFeedback.Why ? WhyAsync(request, rule, channel, ts, ct) : NotHelpfulAsync(request, rule, channel, ts, ct));
    }

    private async Task WhyAsync(BlockActionRequest request, string rule, string channel, string ts, CancellationToken ct)
    {
        var protocol = await protocols.GetAsync(request.TeamId, channel, ct);
        var who = await leaders.WhoCanAsync(request.TeamId, ct);
        var text = NudgeExplanations.For(rule, channel, protocol, who, await feedback.DetailAsync(request.TeamId, rule, channel, ts, ct), await AskReadingAsync(request.TeamId, channel, ts, ct));
        await RespondAsync(request, new ResponseUrlMessage(text, [new SectionBlock(TextObject.Markdown(BlockLimits.Truncate(text, BlockLimits.SectionText)))], ResponseUrlMessage.Ephemeral, ReplaceOriginal: false), ct);
    }

    private async Task NotHelpfulAsync(BlockActionRequest request, string rule, string channel, string ts, CancellationToken ct)
    {
        await feedback.NotHelpfulAsync(request.TeamId, request.UserId, rule, channel, ts, ct);
        var text = ":ok_hand: Thanks, noted as not helpful. Leaders see how often each rule misses (`/norms stats`), so it can be tuned.";
        if (rule == Nudge.Overdue)
        {
            // A reminder that should not have come is not worth a second one.
            await asks.DeclineAsync(request.TeamId, channel, ts, request.UserId, ct);
            text += " You won't be reminded about this ask again.";
        }

        var blocks = new List<Block> { new SectionBlock(TextObject.Markdown(text)) };
        if (rule == Nudge.Escalation || request.ChannelId is null || request.MessageTs is null)
        {
            // An escalation is everyone's to read: answer the presser alone and leave it in place.
            await RespondAsync(request, new ResponseUrlMessage(text, blocks, ResponseUrlMessage.Ephemeral, ReplaceOriginal: false), ct);
        }
        else if (request.IsEphemeral)
        {
            await RespondAsync(request, new ResponseUrlMessage(text, blocks, ResponseUrlMessage.Ephemeral, ReplaceOriginal: true), ct);
        }
        else
        {
            await clients.For(request.TeamId).UpdateMessageAsync(new UpdateMessage(request.ChannelId, request.MessageTs, text, blocks), ct);
        }
    }

    private async Task RespondAsync(BlockActionRequest request, ResponseUrlMessage message, CancellationToken ct)
    {
        if (Uri.TryCreate(request.ResponseUrl, UriKind.Absolute, out var url))
        {
            await clients.For(request.TeamId).PostToResponseUrlAsync(url, message, ct);
        }
    }

    // For reminders and escalations: the classifier's reading of the ask's excerpt ("\"can you\", said to <@U1>").
    private async Task<string?> AskReadingAsync(string teamId, string channel, string ts, CancellationToken ct)
    {
        var ask = await asks.FindAsync(teamId, channel, ts, ct);
        if (ask is null)
        {
            return null;
        }

        var verdict = AskClassifier.Classify(ask.Excerpt, ask.AskerId, (await installations.FindAsync(teamId, ct))?.BotUserId, ask.ThreadTs is null);
        return verdict.IsAsk ? $"an ask: {verdict.Reason}" : null;
    }
}
