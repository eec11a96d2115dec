using NormBot.Norms.Nudges;
using NormBot.Slack.Blocks;

namespace NormBot.Norms.Feedback;

/// <summary>
/// The two controls every nudge and reminder carries (PRODUCT §13): <b>Why?</b> explains the rule and the channel's
/// norms behind it; <b>Not helpful</b> records a false positive for that rule and message. Values are "rule|channel|ts".
/// </summary>
public static class NudgeFeedback
{
    public const string Why = "nudge_why";
    public const string NotHelpful = "nudge_not_helpful";

    public static IReadOnlyCollection<string> ActionIds { get; } = [Why, NotHelpful];

    /// <summary>Why? and, unless the nudge has its own dismiss button (misroute's "Not urgent"), Not helpful.</summary>
    public static IReadOnlyList<BlockElement> Buttons(string rule, string channelId, string ts, bool notHelpful = true)
    {
        var value = NudgeActions.Value(rule, channelId, ts);
        List<BlockElement> buttons = [new ButtonElement(TextObject.Plain("Why?")) { ActionId = Why, Value = value }];
        if (notHelpful)
        {
            buttons.Add(new ButtonElement(TextObject.Plain("Not helpful")) { ActionId = NotHelpful, Value = value });
        }

        return buttons;
    }

    public static ActionsBlock Block(string rule, string channelId, string ts) => new(Buttons(rule, channelId, ts));
}
