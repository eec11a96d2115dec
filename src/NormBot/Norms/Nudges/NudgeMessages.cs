using NormBot.Norms.Classification;
using NormBot.Norms.Feedback;
using NormBot.Slack.Blocks;
using NormBot.Slack.Quotes;

namespace NormBot.Norms.Nudges;

/// <summary>
/// The words of every nudge, in one place so their tone can be read together: say which norm, why
/// it helps, one action. Only the person concerned ever sees a nudge.
/// </summary>
public static class NudgeMessages
{
    public static (string Text, IReadOnlyList<Block> Blocks) MissingContext(ContextVerdict verdict, string channelId, string ts)
    {
        var what = verdict.Gap switch
        {
            ContextGap.BareGreeting => "a greeting on its own",
            ContextGap.BarePing => "a ping without the question",
            _ => "a short question without the details someone needs to answer it",
        };
        var text = $"Your message in <#{channelId}> is {what}, so people have to wait for you to come back before they can help.";
        return (text,
        [
            new SectionBlock(TextObject.Markdown($":wave: {text}")),
            new SectionBlock(TextObject.Markdown(
                "*One message with everything works best:* what you need, the context (link, error, ticket) and by when. " +
                "For example: _\"Could you review the retry change in <https://example.com/pr/123|PR 123> before Thursday's release? It touches billing.\"_")),
            new ContextBlock([TextObject.Markdown("Add the details by editing your message or replying in a thread. `/norms snooze 1d` pauses these tips.")]),
            NudgeFeedback.Block(Nudge.Context, channelId, ts),
        ]);
    }

    public static (string Text, IReadOnlyList<Block> Blocks) Misrouted(string topic, string targetChannelId, string targetChannelName, string channelId, string ts, IReadOnlyList<string> matched)
    {
        var words = string.Join(", ", matched.Select(m => $"\"{m}\""));
        var text = topic == "urgent"
            ? $"This looks urgent ({words}). Urgent topics belong in <#{targetChannelId}>, where the people on call will see it quickly."
            : $"This looks like a *{topic}* topic ({words}). The team keeps those in <#{targetChannelId}> so they don't get lost.";
        return (text,
        [
            new SectionBlock(TextObject.Markdown($":compass: {text}")),
            new ActionsBlock(
            [
                new ButtonElement(TextObject.Plain($"Post it in #{targetChannelName}")) { ActionId = NudgeActions.PostInChannel, Value = NudgeActions.Value(channelId, ts, targetChannelId), Style = ButtonElement.Primary },
                new ButtonElement(TextObject.Plain(topic == "urgent" ? "Not urgent" : $"Not about {topic}")) { ActionId = NudgeActions.NotUrgent, Value = NudgeActions.Value(channelId, ts, topic) },
                .. NudgeFeedback.Buttons(Nudge.Misroute, channelId, ts, notHelpful: false), // "Not urgent" is this nudge's Not helpful
            ]),
        ]);
    }

    public static (string Text, IReadOnlyList<Block> Blocks) Overdue(string askerId, string channelId, string ts, Quote excerpt, string waited, string? permalink)
    {
        var text = $"<@{askerId}> asked you something in <#{channelId}> {waited} of working time ago, and it's still waiting for a reply.";
        var buttons = new List<BlockElement>(AskButtons(channelId, ts, permalink));
        buttons.AddRange(NudgeFeedback.Buttons(Nudge.Overdue, channelId, ts));
        return (text,
        [
            new SectionBlock(TextObject.Markdown($":hourglass_flowing_sand: {text}")),
            new SectionBlock(TextObject.Markdown(excerpt.Block())),
            new ContextBlock([TextObject.Markdown("A short reply helps even if it's \"I'll look on Thursday\": the asker can plan around it.")]),
            new ActionsBlock(buttons),
        ]);
    }

    /// <summary>Reply now, Mark answered, Snooze 1h, Not for me: on the reminder DM and on each ask in the Home tab's "waits on you".</summary>
    public static IReadOnlyList<BlockElement> AskButtons(string channelId, string ts, string? permalink)
    {
        var buttons = new List<BlockElement>();
        if (permalink is not null)
        {
            buttons.Add(new ButtonElement(TextObject.Plain("Reply now")) { ActionId = NudgeActions.ReplyNow, Url = permalink, Style = ButtonElement.Primary });
        }

        buttons.Add(new ButtonElement(TextObject.Plain("Mark answered")) { ActionId = NudgeActions.MarkAnswered, Value = NudgeActions.Value(channelId, ts) });
        buttons.Add(new ButtonElement(TextObject.Plain("Snooze 1h")) { ActionId = NudgeActions.Snooze, Value = NudgeActions.Value(channelId, ts) });
        buttons.Add(new ButtonElement(TextObject.Plain("Not for me")) { ActionId = NudgeActions.NotForMe, Value = NudgeActions.Value(channelId, ts) });
        return buttons;
    }

    public static (string Text, IReadOnlyList<Block> Blocks) Escalation(string channelId, string ts, Quote excerpt, IReadOnlyList<string> waitingOn, string waited, string? permalink, string? mention)
    {
        var who = waitingOn.Count == 0 ? "anyone in the channel" : string.Join(", ", waitingOn.Select(u => $"<@{u}>"));
        var text = $"{(mention is null ? "" : mention + " ")}An ask in <#{channelId}> has waited {waited} of working time for {who}.";
        var link = permalink is null ? "" : $"\n<{permalink}|Open the conversation>";
        return (text,
        [
            new SectionBlock(TextObject.Markdown($":rotating_light: {text}")),
            new SectionBlock(TextObject.Markdown(excerpt.Block() + link)),
            new ContextBlock([TextObject.Markdown("Escalated by the channel's protocol (`escalate-after`). Could you help it move or find the right person?")]),
            NudgeFeedback.Block(Nudge.Escalation, channelId, ts),
        ]);
    }

    /// <summary>The one private note to the asker of an ask to nobody in particular that nobody answered (PRODUCT §13).</summary>
    public static (string Text, IReadOnlyList<Block> Blocks) Unanswered(string channelId, string ts, Quote excerpt, string responseTime)
    {
        var text = $"Nobody has picked up your question in <#{channelId}> yet ({responseTime} of working time, this channel's response time).";
        return (text,
        [
            new SectionBlock(TextObject.Markdown($":mag: {text}")),
            new SectionBlock(TextObject.Markdown(excerpt.Block())),
            new ContextBlock([TextObject.Markdown("*Tip:* asks that name someone get answered sooner. Reply in the thread mentioning the person who knows, or a group like `@design-team`, so it lands with them.")]),
            NudgeFeedback.Block(Nudge.Unanswered, channelId, ts),
        ]);
    }

    public static (string Text, IReadOnlyList<Block> Blocks) MovedCopy(string authorId, string channelId, Quote text, string? permalink)
    {
        var header = $"<@{authorId}> posted this in <#{channelId}>:";
        var link = permalink is null ? "" : $"\n<{permalink}|View the original>";
        return ($"{header} {text.Label(BlockLimits.SectionText / 2)}", [new SectionBlock(TextObject.Markdown($"{header}\n{text.Block()}{link}"))]);
    }
}
