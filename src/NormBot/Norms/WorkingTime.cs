using NormBot.Protocols;

namespace NormBot.Norms;

/// <summary>
/// Working-time arithmetic (PRODUCT §5 rule 3: nights and weekends do not count). Each working day is a
/// local wall-clock interval converted through the time zone on its own date, so a day that gains or loses
/// an hour to daylight saving simply has a longer or shorter interval.
/// </summary>
public static class WorkingTime
{
    public static bool IsWorkingTime(DateTimeOffset at, WorkSchedule schedule) =>
        NextWorkingStart(at, schedule) == at;

    /// <summary>The first working instant at or after <paramref name="at"/>.</summary>
    public static DateTimeOffset NextWorkingStart(DateTimeOffset at, WorkSchedule schedule)
    {
        var (start, _) = Intervals(at, schedule).First(i => i.End > at);
        return start > at ? start : at;
    }

    /// <summary>
    /// Working days move to the same local time of day that many working days later (Friday 16:00 + 1d is
    /// Monday 16:00); from outside working hours a whole day is the next working day itself (Friday 18:00 + 1d
    /// is Monday 17:00). Hours, minutes and seconds then consume only time inside working hours.
    /// </summary>
    public static DateTimeOffset AddWorkingTime(DateTimeOffset start, NormDuration duration, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (duration.IsZero)
        {
            return start;
        }

        var at = NextWorkingStart(start, schedule);
        if (duration.WorkingDays > 0)
        {
            at = AddWorkingDays(at, duration.WorkingDays, insideAtStart: at == start, schedule);
        }

        var remaining = duration.Time;
        if (remaining <= TimeSpan.Zero)
        {
            return at;
        }

        foreach (var (intervalStart, intervalEnd) in Intervals(at, schedule))
        {
            if (intervalEnd <= at)
            {
                continue;
            }

            var from = intervalStart > at ? intervalStart : at;
            var available = intervalEnd - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException("Unreachable: working intervals never run out.");
    }

    /// <summary>Working time inside [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not later.</summary>
    public static TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to, WorkSchedule schedule)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (start, end) in Intervals(from, schedule))
        {
            if (start >= to)
            {
                break;
            }

            var overlapStart = start > from ? start : from;
            var overlapEnd = end < to ? end : to;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    private static DateTimeOffset AddWorkingDays(DateTimeOffset at, int days, bool insideAtStart, WorkSchedule schedule)
    {
        var local = TimeZoneInfo.ConvertTime(at, schedule.TimeZone).DateTime;
        var timeOfDay = insideAtStart ? local.TimeOfDay : schedule.Hours.End;
        var date = local.Date;
        for (var left = insideAtStart ? days : days - 1; left > 0;)
        {
            date = date.AddDays(1);
            if (schedule.Days.Contains(date.DayOfWeek))
            {
                left--;
            }
        }

        // Clamp because the wall clock may jump over that time of day on the target date.
        var start = ToInstant(date + schedule.Hours.Start, schedule.TimeZone);
        var end = ToInstant(date + schedule.Hours.End, schedule.TimeZone);
        var result = ToInstant(date + timeOfDay, schedule.TimeZone);
        return result < start ? start : result > end ? end : result;
    }

    /// <summary>Working intervals in time order, starting with the local day before <paramref name="around"/>.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Intervals(DateTimeOffset around, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var date = TimeZoneInfo.ConvertTime(around, schedule.TimeZone).DateTime.Date.AddDays(-1);
        while (true)
        {
            if (schedule.Days.Contains(date.DayOfWeek))
            {
                var start = ToInstant(date + schedule.Hours.Start, schedule.TimeZone);
                var end = ToInstant(date + schedule.Hours.End, schedule.TimeZone);
                if (end > start)
                {
                    yield return (start, end);
                }
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>
    /// A wall-clock time to an instant. A time skipped by a spring-forward gap moves forward by the gap
    /// (02:30 becomes 03:30); a time repeated by a fall-back takes its first occurrence.
    /// </summary>
    internal static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var offsetBefore = zone.GetUtcOffset(local.AddHours(-12));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local - offsetBefore, TimeSpan.Zero), zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
