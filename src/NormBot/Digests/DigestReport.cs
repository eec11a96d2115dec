using NormBot.Slack.Quotes;

namespace NormBot.Digests;

/// <summary>An open ask worth a line in the digest, with its link when Slack gave one.</summary>
public sealed record OpenAskLine(AskRow Ask, Quote Excerpt, string? Permalink, TimeSpan WaitingWorkingTime);

public sealed record DecisionLine(DecisionRow Decision, Quote Excerpt, string? Permalink);

/// <summary>
/// Everything a digest or <c>/norms stats</c> shows. <see cref="ChannelIds"/> empty means all tracked channels.
/// The lists are already cut to what is shown; the totals say how many there were.
/// </summary>
public sealed record DigestReport(
    IReadOnlyList<string> ChannelIds,
    TimeZoneInfo TimeZone,
    PeriodFigures Current,
    PeriodFigures Previous,
    IReadOnlyList<OpenAskLine> OldestOpen,
    IReadOnlyList<DecisionLine> Decisions)
{
    /// <summary>Open asks and decisions counted in the figures but not quoted: their private channel is not the reader's.</summary>
    public int PrivateUnquoted { get; init; }
}
