using System.Globalization;
using NormBot.Norms;
using NormBot.Protocols;

namespace NormBot.Tests.Norms;

// Holidays and away time (PRODUCT §14) on top of hours and days. Times are local to the zone. 2026: Adelaide (UTC+9:30)
// springs forward to UTC+10:30 on Sun 4 October and falls back on Sun 5 April; Kolkata is UTC+5:30 all year; New York
// falls back on Sun 1 November. Away spans are "from|until" in local time; an empty until means "until it changes".
public sealed class WorkingTimeAwayTests
{
    [TestCase("UTC", "", "2026-11-23 09:00|2026-11-25 00:00", "2026-11-23 08:00", "4h", "2026-11-25 13:00")] // away Mon-Tue: the clock waits for Wed
    [TestCase("UTC", "", "2026-11-23 10:00|2026-11-25 00:00", "2026-11-23 09:00", "4h", "2026-11-25 12:00")] // 1h Monday, 3h Wednesday
    [TestCase("UTC", "", "2026-11-23 12:00|2026-11-23 13:00", "2026-11-23 10:00", "4h", "2026-11-23 15:00")] // an hour away pauses an hour
    [TestCase("UTC", "", "2026-11-23 10:00|", "2026-11-23 09:00", "4h", "never")] // away with no end: no deadline in sight
    [TestCase("UTC", "", "2026-11-23 00:00|2026-11-24 00:00", "2026-11-20 16:00", "1d", "2026-11-24 16:00")] // Friday + 1d, Monday away: Tuesday
    [TestCase("UTC", "2026-11-23", "", "2026-11-20 16:00", "1d", "2026-11-24 16:00")] // the same with a holiday: a day counts as a day
    [TestCase("UTC", "2026-11-26,2026-11-27", "", "2026-11-25 15:00", "4h", "2026-11-30 11:00")] // Thanksgiving Thursday and Friday
    [TestCase("America/New_York", "2026-12-25", "", "2026-12-24 16:00", "4h", "2026-12-28 12:00")] // Christmas Friday
    [TestCase("America/New_York", "", "2026-10-30 17:00|2026-11-03 00:00", "2026-10-30 16:00", "2h", "2026-11-03 10:00")] // across fall-back
    [TestCase("Asia/Kolkata", "2026-10-02", "", "2026-10-01 15:30", "4h", "2026-10-05 11:30")] // Gandhi Jayanti Friday
    [TestCase("Australia/Adelaide", "", "2026-10-02 17:00|2026-10-05 00:00", "2026-10-02 16:00", "4h", "2026-10-05 12:00")] // over the spring-forward weekend
    [TestCase("Australia/Adelaide", "2026-10-05", "2026-10-02 17:00|2026-10-05 00:00", "2026-10-02 16:00", "4h", "2026-10-06 12:00")] // and Labour Day Monday
    [TestCase("Australia/Adelaide", "", "2026-04-03 12:30|2026-04-06 09:30", "2026-04-03 11:00", "2h", "2026-04-06 10:00")] // over the fall-back weekend
    public void AddWorkingTime_HolidaysAndAway_PauseTheClock(string zone, string holidays, string away, string start, string duration, string expected)
    {
        var schedule = Schedule(zone, holidays, away);

        var due = WorkingTime.AddWorkingTime(Local(start, schedule.TimeZone), NormDuration.Parse(duration), schedule);

        Assert.That(Format(due, schedule.TimeZone), Is.EqualTo(expected));
    }

    [TestCase("UTC", "2026-11-27", "", "2026-11-26 16:00", "2026-11-30 10:00", 2 * 60)] // a reply after a holiday: 1h Thu, 1h Mon
    [TestCase("UTC", "", "2026-11-23 11:00|2026-11-27 00:00", "2026-11-23 10:00", "2026-11-27 10:00", 2 * 60)] // and after a week away
    [TestCase("Asia/Kolkata", "", "2026-06-08 13:30|2026-06-08 14:00", "2026-06-08 09:00", "2026-06-08 17:00", 7 * 60 + 30)]
    public void WorkingTimeBetween_HolidaysAndAway_AreNotCounted(string zone, string holidays, string away, string from, string to, int expectedMinutes)
    {
        var schedule = Schedule(zone, holidays, away);

        var between = WorkingTime.WorkingTimeBetween(Local(from, schedule.TimeZone), Local(to, schedule.TimeZone), schedule);

        Assert.That(between, Is.EqualTo(TimeSpan.FromMinutes(expectedMinutes)));
    }

    [TestCase("2026-11-23 10:00", "2026-11-25 09:00")] // away till Wednesday midnight: Wednesday's start
    [TestCase("2026-11-25 11:00", "2026-11-25 11:00")] // back and working
    [TestCase("2026-11-26 10:00", "2026-11-30 09:00")] // a holiday on Thursday, Friday away again
    public void NextWorkingStart_AfterAwayAndHolidays_IsWhenTheyAreBackAtWork(string at, string expected)
    {
        var schedule = Schedule("UTC", "2026-11-26", "2026-11-23 09:30|2026-11-25 00:00;2026-11-27 00:00|2026-11-28 00:00");

        Assert.That(Format(WorkingTime.NextWorkingStart(Local(at, schedule.TimeZone), schedule), schedule.TimeZone), Is.EqualTo(expected));
    }

    [TestCase("2026-11-23 10:00", "2026-11-26 00:00")] // two spans that touch are one absence
    [TestCase("2026-11-25 23:00", "2026-11-26 00:00")]
    [TestCase("2026-11-26 01:00", null)]
    public void AwayUntil_TouchingSpans_EndTogether(string at, string? expected)
    {
        var schedule = Schedule("UTC", "", "2026-11-23 09:00|2026-11-25 00:00;2026-11-25 00:00|2026-11-26 00:00");

        var until = WorkingTime.AwayUntil(Local(at, schedule.TimeZone), schedule);

        Assert.That(until is { } u ? Format(u, schedule.TimeZone) : null, Is.EqualTo(expected));
    }

    [Test]
    public void IsWorkingTime_OnAHolidayAndWhileAway_IsFalse()
    {
        var schedule = Schedule("Asia/Kolkata", "2026-10-02", "2026-10-05 09:00|2026-10-05 12:00");

        Assert.Multiple(() =>
        {
            Assert.That(WorkingTime.IsWorkingTime(Local("2026-10-02 11:00", schedule.TimeZone), schedule), Is.False);
            Assert.That(WorkingTime.IsWorkingTime(Local("2026-10-05 11:00", schedule.TimeZone), schedule), Is.False);
            Assert.That(WorkingTime.IsWorkingTime(Local("2026-10-05 12:00", schedule.TimeZone), schedule), Is.True);
        });
    }

    private static WorkSchedule Schedule(string zone, string holidays, string away)
    {
        var schedule = WorkingTimeTests.Schedule(zone, "09:00-17:00", "mon-fri");
        var days = holidays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        var spans = away.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s =>
        {
            var ends = s.Split('|');
            return new AwaySpan(Local(ends[0], schedule.TimeZone), ends[1].Length == 0 ? null : Local(ends[1], schedule.TimeZone));
        });
        return schedule with { Holidays = days, Away = [.. spans] };
    }

    private static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Format(DateTimeOffset at, TimeZoneInfo zone) =>
        WorkingTime.IsNever(at) ? "never" : TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
