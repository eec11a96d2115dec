using NormBot.Norms.Asks;
using NormBot.Slack;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Norms.Rules;

/// <summary>
/// A ✅ from the asker or an assignee answers an ask, and taking that ✅ back reopens it; a :pushpin: records a decision.
/// </summary>
public sealed class ReactionRulesHandler(AskStore asks, AnsweredAsks answered, DecisionStore decisions)
    : IEventHandler<ReactionAddedEvent>, IEventHandler<ReactionRemovedEvent>
{
    private static readonly HashSet<string> Done = ["white_check_mark", "heavy_check_mark", "ballot_box_with_check"];

    public async Task HandleAsync(ReactionAddedEvent slackEvent, EventContext context, CancellationToken ct)
    {
        var reaction = slackEvent;
        if (reaction.Item is not { Type: "message", Channel: { } channel, Ts: { } ts } || reaction.User is null || reaction.Reaction is null)
        {
            return;
        }

        if (reaction.Reaction == "pushpin")
        {
            await decisions.RecordAsync(context.TeamId, channel, ts, reaction.ItemUser ?? reaction.User, SlackTs.ToInstant(ts), "(pinned with :pushpin:)", ct);
            return;
        }

        if (!IsDone(reaction.Reaction))
        {
            return;
        }

        var ask = await asks.FindAsync(context.TeamId, channel, ts, ct);
        if (ask is null || ask.State != Ask.Open)
        {
            return;
        }

        var assignees = await asks.OpenAssigneesAsync(context.TeamId, channel, ts, ct);
        if (reaction.User == ask.AskerId || assignees.Contains(reaction.User) || assignees.Contains(AskStore.Anyone))
        {
            await answered.AnswerAsync(context.TeamId, channel, ts, reaction.User, AnswerKind.Checkmark, null, null, ct);
        }
    }

    public async Task HandleAsync(ReactionRemovedEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        if (slackEvent is { Item: { Type: "message", Channel: { } channel, Ts: { } ts }, User: { } user, Reaction: { } name } && IsDone(name))
        {
            await answered.ReopenAsync(context.TeamId, channel, ts, user, ct);
        }
    }

    // Skin tones arrive as "white_check_mark::skin-tone-2".
    private static bool IsDone(string reaction) => Done.Contains(reaction.Split("::")[0]);
}
