using System.Globalization;
using NormBot.Norms.Nudges;
using NormBot.Slack.Blocks;

namespace NormBot.Norms.Feedback;

/// <summary>How nudges landed, per rule and channel, for <c>/norms stats</c> and the leaders' part of the Home tab.</summary>
public static class NudgeFeedbackBlocks
{
    public const string Title = "Nudges and how they landed";

    /// <summary>At most this many rule-and-channel lines; the rest are summed up in one line.</summary>
    public const int Lines = 12;

    public static IReadOnlyList<Block> Render(IReadOnlyList<NudgeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count == 0)
        {
            return [new SectionBlock(TextObject.Markdown($"*{Title}*\nNo nudges in this period."))];
        }

        var lines = rates.Take(Lines).Select(Line).ToList();
        if (rates.Count > Lines)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"_and {rates.Count - Lines} more rule and channel pairs_"));
        }

        return
        [
            new SectionBlock(TextObject.Markdown(BlockLimits.Truncate($"*{Title}*\n" + string.Join('\n', lines), BlockLimits.SectionText))),
            new ContextBlock([TextObject.Markdown("\"Not helpful\" is pressed on a nudge that should not have come (\"Not urgent\" on a misroute nudge). A rule that misfires often in a channel is worth a look: `/norms show #channel`.")]),
        ];
    }

    public static string Fallback(IReadOnlyList<NudgeRate> rates) =>
        $"{Title}: " + (rates.Count == 0 ? "none." : string.Join("; ", rates.Take(Lines).Select(Line)));

    public static string RuleName(string rule) => rule switch
    {
        Nudge.Context => "missing context",
        Nudge.Misroute => "misrouted topic",
        Nudge.Overdue => "overdue reminder",
        Nudge.Escalation => "escalation",
        Nudge.Unanswered => "unanswered ask",
        _ => rule,
    };

    private static string Line(NudgeRate r) => string.Create(CultureInfo.InvariantCulture,
        $"• {RuleName(r.Rule)} in <#{r.ChannelId}>: {r.Nudges} nudge{(r.Nudges == 1 ? "" : "s")}, {r.NotHelpful} not helpful ({Math.Round(r.NotHelpfulShare * 100, MidpointRounding.AwayFromZero):0}%)")
        + (r.WouldHaveNudged > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {WouldHaveNudged(r.WouldHaveNudged)}") : "");

    /// <summary>"3 would have nudged (observe mode)": what the rules decided in a channel trying them out.</summary>
    public static string WouldHaveNudged(long count) => string.Create(CultureInfo.InvariantCulture, $"{count} would have nudged (observe mode)");
}
