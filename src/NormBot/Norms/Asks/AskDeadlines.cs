using NormBot.Protocols;

namespace NormBot.Norms.Asks;

/// <summary>When an ask is due and when each level of its escalation chain fires, in the assignee's working time.</summary>
public static class AskDeadlines
{
    public static DateTimeOffset Due(DateTimeOffset askedAt, Protocol protocol, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return WorkingTime.AddWorkingTime(askedAt, protocol.ResponseTime, schedule);
    }

    /// <summary>Level 1 at <c>escalate-after</c>, level 2 at twice that, level 3 at three times (PRODUCT §14); never before the due time.</summary>
    public static DateTimeOffset Escalation(DateTimeOffset askedAt, int level, Protocol protocol, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var due = Due(askedAt, protocol, schedule);
        var at = WorkingTime.AddWorkingTime(askedAt, Scale(protocol.ResponseTime, protocol.EscalateAfter * level, schedule), schedule);
        return at < due ? due : at;
    }

    /// <summary>One level per <c>escalate-to</c> target; with none, one level: the channel's leaders.</summary>
    public static int Levels(Protocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return Math.Max(1, protocol.EscalateTo.Count);
    }

    public static AskAssignee For(string userId, DateTimeOffset askedAt, Protocol protocol, WorkSchedule schedule, string? groupId = null) =>
        new(userId, Due(askedAt, protocol, schedule), Escalation(askedAt, 1, protocol, schedule), groupId);

    /// <summary>response-time × a factor; a fraction of a working day becomes that share of the working hours.</summary>
    public static NormDuration Scale(NormDuration duration, double factor, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var days = duration.WorkingDays * factor;
        var wholeDays = (int)Math.Floor(days);
        var time = duration.Time * factor + schedule.DayLength * (days - wholeDays);
        return new NormDuration(wholeDays, time);
    }
}
