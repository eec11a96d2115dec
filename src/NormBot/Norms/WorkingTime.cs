using NormBot.Protocols;

namespace NormBot.Norms;

/// <summary>
/// Working-time arithmetic (PRODUCT §5 rule 3, §14): nights, weekends, holidays and away time do not count.
/// Each working day is a local wall-clock interval converted through the time zone on its own date, so a day
/// that gains or loses an hour to daylight saving simply has a longer or shorter interval; away spans are cut
/// out of those intervals, which is what "the clock pauses" means.
/// </summary>
public static class WorkingTime
{
    /// <summary>
    /// What a deadline is when no working time is left in sight (away with no end, or for years): the clock is
    /// paused until something changes. A real instant, so it survives being stored as Unix milliseconds.
    /// </summary>
    public static readonly DateTimeOffset Never = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    // How far ahead working time is looked for before giving up with Never.
    private const int HorizonDays = 800;

    public static bool IsNever(DateTimeOffset at) => at >= Never;

    public static bool IsWorkingTime(DateTimeOffset at, WorkSchedule schedule) =>
        NextWorkingStart(at, schedule) == at;

    /// <summary>The first working instant at or after <paramref name="at"/>; <see cref="Never"/> when none is in sight.</summary>
    public static DateTimeOffset NextWorkingStart(DateTimeOffset at, WorkSchedule schedule)
    {
        foreach (var (start, end) in Intervals(at, schedule))
        {
            if (end > at)
            {
                return start > at ? start : at;
            }
        }

        return Never;
    }

    /// <summary>
    /// Working days move to the same local time of day that many working days later (Friday 16:00 + 1d is
    /// Monday 16:00); from outside working hours a whole day is the next working day itself (Friday 18:00 + 1d
    /// is Monday 17:00). Hours, minutes and seconds then consume only time inside working hours. While away time
    /// lies ahead, a day counts as one working day's length of time instead, because the clock pauses mid-day.
    /// </summary>
    public static DateTimeOffset AddWorkingTime(DateTimeOffset start, NormDuration duration, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (duration.IsZero)
        {
            return start;
        }

        var at = NextWorkingStart(start, schedule);
        var remaining = duration.Time;
        if (duration.WorkingDays > 0 && !IsNever(at))
        {
            if (schedule.Away.Any(s => s.Until is not { } until || until > start))
            {
                remaining += schedule.DayLength * duration.WorkingDays;
            }
            else
            {
                at = AddWorkingDays(at, duration.WorkingDays, insideAtStart: at == start, schedule);
            }
        }

        if (remaining <= TimeSpan.Zero || IsNever(at))
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

        return Never;
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

    /// <summary>When the away time covering <paramref name="at"/> ends (touching spans count as one); null when not away then.</summary>
    public static DateTimeOffset? AwayUntil(DateTimeOffset at, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!schedule.IsAwayAt(at))
        {
            return null;
        }

        var until = at;
        foreach (var span in schedule.Away.Where(s => s.From <= until))
        {
            var end = span.Until ?? Never;
            until = end > until ? end : until;
        }

        return until;
    }

    private static DateTimeOffset AddWorkingDays(DateTimeOffset at, int days, bool insideAtStart, WorkSchedule schedule)
    {
        var local = TimeZoneInfo.ConvertTime(at, schedule.TimeZone).DateTime;
        var timeOfDay = insideAtStart ? local.TimeOfDay : schedule.Hours.End;
        var date = local.Date;
        for (var left = insideAtStart ? days : days - 1; left > 0;)
        {
            date = date.AddDays(1);
            if (schedule.IsWorkingDate(DateOnly.FromDateTime(date)))
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

    /// <summary>Working intervals in time order, starting with the local day before <paramref name="around"/>, up to the horizon.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Intervals(DateTimeOffset around, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (IsNever(around))
        {
            yield break;
        }

        var date = TimeZoneInfo.ConvertTime(around, schedule.TimeZone).DateTime.Date.AddDays(-1);
        for (var day = 0; day < HorizonDays; day++, date = date.AddDays(1))
        {
            if (!schedule.IsWorkingDate(DateOnly.FromDateTime(date)))
            {
                continue;
            }

            var start = ToInstant(date + schedule.Hours.Start, schedule.TimeZone);
            var end = ToInstant(date + schedule.Hours.End, schedule.TimeZone);
            foreach (var piece in WithoutAway(start, end, schedule.Away))
            {
                yield return piece;
            }
        }
    }

    /// <summary>[start, end) with the away spans (in order of their start) cut out.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WithoutAway(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<AwaySpan> away)
    {
        var from = start;
        foreach (var span in away)
        {
            var until = span.Until ?? Never;
            if (until <= from || span.From >= end)
            {
                continue;
            }

            if (span.From > from)
            {
                yield return (from, span.From);
            }

            from = until;
            if (from >= end)
            {
                yield break;
            }
        }

        if (end > from)
        {
            yield return (from, end);
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
