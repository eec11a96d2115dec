using System.Globalization;
using System.Text;
using NormBot.Norms.Feedback;
using NormBot.Slack.Blocks;
using NormBot.Slack.Quotes;

namespace NormBot.Digests;

/// <summary>
/// Renders a <see cref="DigestReport"/> as Block Kit within Slack's limits (REFERENCE.md §10): a bounded number
/// of blocks whatever the data, every section text under 3000 chars, lists that overflow summarised as
/// "and N more", and excerpts shortened at a word boundary by <see cref="BlockLimits.Truncate"/>.
/// </summary>
public static class DigestBlocks
{
    /// <summary>Excerpts are shortened to this many chars so a line stays one line in most clients.</summary>
    public const int ExcerptChars = 100;

    /// <summary>At most this many covered channels are named in the context line.</summary>
    public const int NamedChannels = 15;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<Block> Render(DigestReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var totalOpen = report.Current.StillOpen;
        var current = report.Current;
        var previous = report.Previous;
        var blocks = new List<Block>
        {
            new HeaderBlock(TextObject.Plain(BlockLimits.Truncate($"{title}: {Period(current, report.TimeZone)}", BlockLimits.HeaderText))),
            new ContextBlock([TextObject.Markdown(BlockLimits.Truncate(Coverage(report), BlockLimits.SectionFieldText))]),
            new SectionBlock(Fields:
            [
                Field("Asks opened", Count(current.Opened, previous.Opened)),
                Field("Answered", Count(current.Answered, previous.Answered)),
                Field("Still open", Count(current.StillOpen, previous.StillOpen)),
                Field("Answered within response time", Share(current, previous)),
                Field("Median time to first reply", Time(current.Median, previous.Median)),
                Field("90th percentile", Time(current.P90, previous.P90)),
                Field("Decisions recorded", Count(current.Decisions, previous.Decisions)),
                Field("Nudges", Count(current.Nudges, previous.Nudges) + NudgeRules(current)),
            ]),
            new ContextBlock([TextObject.Markdown("Changes are against the previous period of the same length. Reply times count working hours only.")]),
        };

        blocks.Add(new DividerBlock());
        blocks.AddRange(ListSections(
            totalOpen == 0 ? "*Oldest open asks*: none, everything has an answer :tada:" : $"*Oldest open asks* ({totalOpen})",
            report.OldestOpen.Select(OpenAskText).ToList(),
            totalOpen,
            "open asks"));

        if (current.Decisions > 0)
        {
            blocks.AddRange(ListSections(
                $"*Decisions recorded* ({current.Decisions})",
                report.Decisions.Select(DecisionText).ToList(),
                current.Decisions,
                "decisions"));
        }

        if (report.PrivateUnquoted > 0)
        {
            blocks.Add(new ContextBlock([TextObject.Markdown(string.Create(Invariant,
                $"{report.PrivateUnquoted} of these come from private channels and are counted, not quoted: their words stay with the channel's members.")) ]));
        }

        return blocks;
    }

    /// <summary>The notification text that goes with the blocks.</summary>
    public static string Fallback(DigestReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Current;
        var share = c.ShareWithin is { } s ? Percent(s) : "n/a";
        return $"{title}: {c.Opened} asks opened, {c.Answered} answered, {c.StillOpen} still open, {share} within response time, median first reply {Duration(c.Median)}.";
    }

    /// <summary>A list under a heading, as few sections as its lines need, each under the section limit; lines not shown become "and N more".</summary>
    private static List<Block> ListSections(string heading, IReadOnlyList<string> lines, int total, string noun)
    {
        var sections = new List<Block>();
        var text = new StringBuilder(heading);
        var shown = 0;
        foreach (var line in lines)
        {
            if (text.Length + 1 + line.Length > BlockLimits.SectionText - 40)
            {
                sections.Add(new SectionBlock(TextObject.Markdown(text.ToString())));
                text.Clear();
                if (sections.Count >= 3)
                {
                    break;
                }
            }

            text.Append(text.Length == 0 ? string.Empty : "\n").Append(line);
            shown++;
        }

        if (total > shown)
        {
            text.Append(text.Length == 0 ? string.Empty : "\n").Append(Invariant, $"_and {total - shown} more {noun}_");
        }

        if (text.Length > 0)
        {
            sections.Add(new SectionBlock(TextObject.Markdown(text.ToString())));
        }

        return sections;
    }

    private static string OpenAskText(OpenAskLine line)
    {
        var ask = line.Ask;
        return $"• {Linked(line.Excerpt, line.Permalink)} in <#{ask.ChannelId}> from <@{ask.AskerId}>, waiting {Duration(line.WaitingWorkingTime)}";
    }

    private static string DecisionText(DecisionLine line)
    {
        var decision = line.Decision;
        return $"• {Linked(line.Excerpt, line.Permalink)} in <#{decision.ChannelId}> by <@{decision.UserId}>";
    }

    private static string Linked(Quote excerpt, string? permalink)
    {
        var text = excerpt.Label(ExcerptChars);
        if (text.Length == 0)
        {
            text = "(no text)";
        }

        return permalink is null ? $"“{text}”" : $"<{permalink}|{text}>";
    }

    private static string Coverage(DigestReport report)
    {
        var channels = report.ChannelIds.Count == 0
            ? "all tracked channels"
            : string.Join(", ", report.ChannelIds.Take(NamedChannels).Select(c => $"<#{c}>"))
              + (report.ChannelIds.Count > NamedChannels ? $" and {report.ChannelIds.Count - NamedChannels} more" : string.Empty);
        return $"Covering {channels} · times in {report.TimeZone.Id}";
    }

    private static string Period(PeriodFigures figures, TimeZoneInfo zone)
    {
        var from = TimeZoneInfo.ConvertTime(figures.From, zone);
        var to = TimeZoneInfo.ConvertTime(figures.To, zone);
        return from.Date == to.Date
            ? string.Create(Invariant, $"{from:ddd d MMM HH:mm}–{to:HH:mm}")
            : string.Create(Invariant, $"{from:ddd d MMM HH:mm} – {to:ddd d MMM HH:mm}");
    }

    private static TextObject Field(string label, string value) => TextObject.Markdown($"*{label}*\n{value}");

    private static string Count(int now, int before)
    {
        var delta = now - before;
        return delta == 0 ? string.Create(Invariant, $"{now} (same as before)") : string.Create(Invariant, $"{now} ({delta:+0;-0})");
    }

    private static string Share(PeriodFigures now, PeriodFigures before)
    {
        if (now.ShareWithin is not { } share)
        {
            return "n/a (nothing due yet)";
        }

        var text = $"{Percent(share)} of {now.Judged}";
        if (before.ShareWithin is { } old)
        {
            var points = (int)Math.Round((share - old) * 100, MidpointRounding.AwayFromZero);
            text += points == 0 ? " (same as before)" : string.Create(Invariant, $" ({points:+0;-0} pts)");
        }

        return text;
    }

    private static string Time(TimeSpan? now, TimeSpan? before)
    {
        if (now is not { } value)
        {
            return "n/a (no replies)";
        }

        if (before is not { } old)
        {
            return Duration(value);
        }

        var delta = value - old;
        var sign = delta < TimeSpan.Zero ? "-" : "+";
        return Math.Abs(delta.TotalMinutes) < 1 ? $"{Duration(value)} (same as before)" : $"{Duration(value)} ({sign}{Duration(delta.Duration())})";
    }

    private static string NudgeRules(PeriodFigures figures) =>
        (figures.NudgesByRule.Count == 0
            ? string.Empty
            : "\n" + string.Join(", ", figures.NudgesByRule.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")))
        + (figures.WouldHaveNudged == 0 ? string.Empty : "\n" + NudgeFeedbackBlocks.WouldHaveNudged(figures.WouldHaveNudged));

    private static string Percent(double share) => string.Create(Invariant, $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%");

    /// <summary>Working time as hours and minutes ("3h 05m"); days would be ambiguous next to working days.</summary>
    public static string Duration(TimeSpan? value)
    {
        if (value is not { } exact)
        {
            return "n/a";
        }

        var time = exact < TimeSpan.FromMinutes(1) ? exact : TimeSpan.FromMinutes(Math.Round(exact.TotalMinutes, MidpointRounding.AwayFromZero));

        if (time < TimeSpan.FromMinutes(1))
        {
            return string.Create(Invariant, $"{(int)time.TotalSeconds}s");
        }

        var hours = (int)time.TotalHours;
        return hours == 0 ? string.Create(Invariant, $"{time.Minutes}m") : string.Create(Invariant, $"{hours}h {time.Minutes:00}m");
    }
}
