using NormBot.Protocols;

namespace NormBot.Norms.Asks;

/// <summary>When an ask is due and when it escalates, in the assignee's working time.</summary>
public static class AskDeadlines
{
    public static AskAssignee For(string userId, DateTimeOffset askedAt, Protocol protocol, TimeZoneInfo? userZone, string? groupId = null)
    {
        var schedule = protocol.ScheduleIn(userZone);
        var due = WorkingTime.AddWorkingTime(askedAt, protocol.ResponseTime, schedule);
        var escalate = WorkingTime.AddWorkingTime(askedAt, Scale(protocol.ResponseTime, protocol.EscalateAfter, schedule), schedule);
        return new AskAssignee(userId, due, escalate < due ? due : escalate, groupId);
    }

    /// <summary>response-time × escalate-after; a fraction of a working day becomes that share of the working hours.</summary>
    public static NormDuration Scale(NormDuration duration, double factor, WorkSchedule schedule)
    {
        var days = duration.WorkingDays * factor;
        var wholeDays = (int)Math.Floor(days);
        var dayLength = schedule.Hours.IsAlways ? TimeSpan.FromHours(24) : schedule.Hours.End - schedule.Hours.Start;
        var time = duration.Time * factor + dayLength * (days - wholeDays);
        return new NormDuration(wholeDays, time);
    }
}
