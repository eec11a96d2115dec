using NormBot.Norms;
using NormBot.Protocols;

namespace NormBot.Digests;

/// <summary>The norms that apply to one ask, as far as the figures need them: its channel's response time, on its assignee's time.</summary>
public sealed record ChannelNorms(WorkSchedule Schedule, NormDuration ResponseTime);

/// <summary>
/// The figures of one period [From, To). The reply figures follow the asks opened in the period: answered
/// (by To), the share answered within response-time among those whose outcome is known at To (answered, or
/// past due unanswered), and the median and 90th percentile of time to first reply in working time (the assignee's,
/// with holidays and away time left out, so a reply after a holiday is not slow).
/// Still open counts every ask open at To, however old.
/// </summary>
public sealed record PeriodFigures(
    DateTimeOffset From,
    DateTimeOffset To,
    int Opened,
    int Answered,
    int StillOpen,
    int Judged,
    int AnsweredWithin,
    TimeSpan? Median,
    TimeSpan? P90,
    int Decisions,
    IReadOnlyDictionary<string, int> NudgesByRule)
{
    /// <summary>Null when no ask opened in the period is answered or due yet.</summary>
    public double? ShareWithin => Judged == 0 ? null : (double)AnsweredWithin / Judged;

    public int Nudges => NudgesByRule.Values.Sum();

    /// <summary>Nudges the rules decided in channels in observe mode: counted apart, since nobody received them.</summary>
    public int WouldHaveNudged { get; init; }

    /// <summary>The figures worked out from rows alone, each ask in its own norms: how the stored ones are checked, and old rows counted.</summary>
    public static PeriodFigures Compute(DigestData data, DateTimeOffset from, DateTimeOffset to, Func<AskRow, ChannelNorms> norms)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(norms);
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var opened = data.Asks.Where(a => a.State != "deleted" && a.OpenedAt >= fromMs && a.OpenedAt < toMs).ToList();
        var tally = new ReplyTally(to, 0, 0, 0, []);
        foreach (var ask in opened)
        {
            tally.Add(ask, norms(ask));
        }

        var inPeriod = data.Nudges.Where(n => n.At >= fromMs && n.At < toMs).ToList();
        var nudges = inPeriod.Where(n => !n.Observed)
            .GroupBy(n => n.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return tally.Figures(from, opened.Count, data.Asks.Count(a => a.IsOpenAt(toMs)), data.Decisions.Count(d => d.At >= fromMs && d.At < toMs), nudges)
            with { WouldHaveNudged = inPeriod.Count(n => n.Observed) };
    }

    /// <summary>The figures from what the store keeps: the settled asks' stored outcomes, and the unsettled ones worked out here.</summary>
    public static PeriodFigures Of(PeriodData data, DateTimeOffset from, DateTimeOffset to, Func<AskRow, ChannelNorms> norms)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(norms);
        var tally = new ReplyTally(to, (int)data.Answered, (int)data.AnsweredWithin, (int)(data.Answered + data.JudgedUnanswered), data.ReplyMs);
        foreach (var ask in data.Unsettled)
        {
            tally.Add(ask, norms(ask));
        }

        return tally.Figures(from, (int)data.Opened, (int)data.StillOpen, (int)data.Decisions, data.NudgesByRule) with { WouldHaveNudged = data.WouldHaveNudged };
    }

    /// <summary>The reply figures of the asks opened in a period, one ask at a time on top of stored counts.</summary>
    private sealed class ReplyTally(DateTimeOffset to, int answered, int within, int judged, long[] replyMs)
    {
        private const long TicksPerMs = TimeSpan.TicksPerMillisecond;
        private readonly List<long> _replyTicks = [.. replyMs.Select(ms => ms * TicksPerMs)];

        public void Add(AskRow ask, ChannelNorms norms)
        {
            var answeredBy = ask.AnsweredAt is { } at && at < to.ToUnixTimeMilliseconds() ? at : (long?)null;
            var outcome = AskOutcome.Of(ask.OpenedAt, answeredBy, norms);
            if (outcome.Reply is { } reply)
            {
                answered++;
                judged++;
                within += outcome.Within ? 1 : 0;
                _replyTicks.Add(reply.Ticks);
            }
            else if (ask.State is not "dismissed" && outcome.DueAt <= to)
            {
                judged++;
            }
        }

        public PeriodFigures Figures(DateTimeOffset from, int opened, int stillOpen, int decisions, IReadOnlyDictionary<string, int> nudges)
        {
            var sorted = _replyTicks.ToArray();
            Array.Sort(sorted);
            return new PeriodFigures(
                from, to, opened, answered, stillOpen, judged, within,
                ResponseStats.PercentileOfSorted(sorted, 0.5), ResponseStats.PercentileOfSorted(sorted, 0.9), decisions, nudges);
        }
    }
}
