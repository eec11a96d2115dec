using NormBot.Norms;

namespace NormBot.Digests;

/// <summary>
/// An ask's outcome as the reports count it: when it fell due, and for an answered ask its time to the answer in
/// working time and whether that was within the response time. One calculation for the figures worked out live
/// (<see cref="PeriodFigures"/>) and those stored when an ask settles (<see cref="AskOutcomes"/>).
/// </summary>
public readonly record struct AskOutcome(DateTimeOffset DueAt, TimeSpan? Reply, bool Within)
{
    /// <summary>The outcome of an ask opened at <paramref name="openedAt"/>, answered at <paramref name="answeredAt"/> (null: not answered).</summary>
    public static AskOutcome Of(long openedAt, long? answeredAt, ChannelNorms norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        var opened = DateTimeOffset.FromUnixTimeMilliseconds(openedAt);
        var due = WorkingTime.AddWorkingTime(opened, norms.ResponseTime, norms.Schedule);
        if (answeredAt is not { } answeredMs)
        {
            return new AskOutcome(due, null, false);
        }

        var answered = DateTimeOffset.FromUnixTimeMilliseconds(answeredMs);
        return new AskOutcome(due, WorkingTime.WorkingTimeBetween(opened, answered, norms.Schedule), answered <= due);
    }
}
