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

    public static PeriodFigures Compute(DigestData data, DateTimeOffset from, DateTimeOffset to, Func<AskRow, ChannelNorms> norms)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(norms);
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var opened = data.Asks.Where(a => a.State != "deleted" && a.OpenedAt >= fromMs && a.OpenedAt < toMs).ToList();
        var replyTimes = new List<TimeSpan>();
        var judged = 0;
        var within = 0;
        var answered = 0;
        foreach (var ask in opened)
        {
            var channel = norms(ask);
            var openedAt = DateTimeOffset.FromUnixTimeMilliseconds(ask.OpenedAt);
            var dueAt = WorkingTime.AddWorkingTime(openedAt, channel.ResponseTime, channel.Schedule);
            if (ask.AnsweredAt is { } answeredMs && answeredMs < toMs)
            {
                var answeredAt = DateTimeOffset.FromUnixTimeMilliseconds(answeredMs);
                answered++;
                judged++;
                within += answeredAt <= dueAt ? 1 : 0;
                replyTimes.Add(WorkingTime.WorkingTimeBetween(openedAt, answeredAt, channel.Schedule));
            }
            else if (ask.State is not "dismissed" && dueAt <= to)
            {
                judged++;
            }
        }

        var inPeriod = data.Nudges.Where(n => n.At >= fromMs && n.At < toMs).ToList();
        var nudges = inPeriod.Where(n => !n.Observed)
            .GroupBy(n => n.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PeriodFigures(
            from,
            to,
            opened.Count,
            answered,
            data.Asks.Count(a => a.IsOpenAt(toMs)),
            judged,
            within,
            ResponseStats.Median(replyTimes),
            ResponseStats.Percentile(replyTimes, 0.9),
            data.Decisions.Count(d => d.At >= fromMs && d.At < toMs),
            nudges)
        {
            WouldHaveNudged = inPeriod.Count(n => n.Observed),
        };
    }
}
