using System.Globalization;
using NormBot.Norms;
using NormBot.Protocols;

namespace NormBot.Tests.Norms;

// Times are local wall-clock times in the given zone. 2026 DST: New York springs forward Sun 8 March and falls
// back Sun 1 November; Berlin springs forward Sun 29 March and falls back Sun 25 October.
public sealed class WorkingTimeTests
{
    private const string NewYork = "America/New_York";
    private const string Berlin = "Europe/Berlin";

    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 16:00", "4h", "2026-03-09 12:00")] // Friday ask, Monday answer, across spring-forward
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-10 10:00", "30m", "2026-03-10 10:30")]
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-10 16:59", "90s", "2026-03-11 09:00:30")]
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-07 10:00", "1h", "2026-03-09 10:00")] // Saturday waits for Monday
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-10 07:00", "1h30m", "2026-03-10 10:30")] // before hours
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-10 16:00", "1h", "2026-03-10 17:00")] // exactly the end of the day
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-10-30 16:30", "1h", "2026-11-02 09:30")] // across fall-back
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 10:00", "16h", "2026-03-10 10:00")] // two working days of hours
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-11 16:00", "1d", "2026-03-12 16:00")]
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 16:00", "1d", "2026-03-09 16:00")] // Friday + 1d = Monday, same time
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 16:00", "2d", "2026-03-10 16:00")]
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 18:00", "1d", "2026-03-09 17:00")] // after hours: Monday is the whole day
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-07 10:00", "1d", "2026-03-09 17:00")] // weekend: likewise
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-10 07:00", "1d", "2026-03-10 17:00")] // before hours: that same day
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 16:00", "1d2h", "2026-03-10 10:00")]
    [TestCase(NewYork, "09:00-17:30", "mon,wed,fri", "2026-03-09 17:00", "1h", "2026-03-11 09:30")] // Tuesday is off
    [TestCase(Berlin, "always", "mon-sun", "2026-03-28 12:00", "24h", "2026-03-29 13:00")] // 23-hour Sunday
    [TestCase(Berlin, "always", "mon-sun", "2026-10-24 12:00", "24h", "2026-10-25 11:00")] // 25-hour Sunday
    [TestCase(Berlin, "08:00-16:00", "mon-fri", "2026-03-27 15:00", "2h", "2026-03-30 09:00")]
    [TestCase(Berlin, "always", "mon-fri", "2026-03-27 23:00", "2h", "2026-03-30 01:00")] // weekend skipped even when always
    [TestCase("Asia/Tokyo", "09:00-18:00", "mon-fri", "2026-06-01 16:00", "2h30m", "2026-06-02 09:30")]
    [TestCase("Asia/Kolkata", "10:00-18:30", "mon-fri", "2026-06-05 18:00", "1h", "2026-06-08 10:30")]
    [TestCase("Asia/Dubai", "09:00-17:00", "sun-thu", "2026-06-05 10:00", "1h", "2026-06-07 10:00")] // Friday is off in a sun-thu week
    [TestCase("UTC", "09:00-17:00", "mon-sun", "2026-06-06 16:00", "2h", "2026-06-07 10:00")]
    [TestCase("UTC", "09:00-17:00", "mon-fri", "2026-06-08 10:00", "0s", "2026-06-08 10:00")]
    [TestCase("UTC", "09:00-17:00", "mon-fri", "2026-06-06 10:00", "0s", "2026-06-06 10:00")] // zero does not move even off-hours
    public void AddWorkingTime_Table_ReturnsHandCheckedLocalTime(string zone, string hours, string days, string start, string duration, string expected)
    {
        var schedule = Schedule(zone, hours, days);

        var due = WorkingTime.AddWorkingTime(Local(start, schedule.TimeZone), NormDuration.Parse(duration), schedule);

        Assert.That(Format(due, schedule.TimeZone), Is.EqualTo(expected));
    }

    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 16:00", "2026-03-09 12:00", 4 * 60)]
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-06 09:00", "2026-03-09 09:00", 8 * 60)]
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-07 00:00", "2026-03-08 23:59", 0)] // a whole weekend
    [TestCase(NewYork, "09:00-17:00", "mon-fri", "2026-03-09 12:00", "2026-03-06 16:00", 0)] // reversed
    [TestCase(NewYork, "01:00-04:00", "mon-sun", "2026-03-08 00:00", "2026-03-08 12:00", 2 * 60)] // 02:00-03:00 does not exist
    [TestCase(NewYork, "01:00-03:00", "mon-sun", "2026-11-01 00:00", "2026-11-01 12:00", 3 * 60)] // 01:00-02:00 happens twice
    [TestCase(Berlin, "always", "mon-sun", "2026-03-29 00:00", "2026-03-30 00:00", 23 * 60)]
    [TestCase(Berlin, "always", "mon-sun", "2026-10-25 00:00", "2026-10-26 00:00", 25 * 60)]
    [TestCase(Berlin, "09:00-17:00", "mon-fri", "2026-03-23 08:00", "2026-03-30 08:00", 40 * 60)] // one week
    [TestCase("UTC", "09:00-17:00", "mon-fri", "2026-06-08 12:00", "2026-06-08 12:45", 45)]
    public void WorkingTimeBetween_Table_CountsOnlyWorkingMinutes(string zone, string hours, string days, string from, string to, int expectedMinutes)
    {
        var schedule = Schedule(zone, hours, days);

        var between = WorkingTime.WorkingTimeBetween(Local(from, schedule.TimeZone), Local(to, schedule.TimeZone), schedule);

        Assert.That(between, Is.EqualTo(TimeSpan.FromMinutes(expectedMinutes)));
    }

    [TestCase("2026-03-09 08:59", false)]
    [TestCase("2026-03-09 09:00", true)]
    [TestCase("2026-03-09 16:59", true)]
    [TestCase("2026-03-09 17:00", false)] // hours are half-open
    [TestCase("2026-03-07 12:00", false)] // Saturday
    public void IsWorkingTime_NewYorkWeekdays_FollowsHoursAndDays(string at, bool expected)
    {
        var schedule = Schedule(NewYork, "09:00-17:00", "mon-fri");

        Assert.That(WorkingTime.IsWorkingTime(Local(at, schedule.TimeZone), schedule), Is.EqualTo(expected));
    }

    [TestCase("2026-03-09 10:00", "2026-03-09 10:00")] // inside: unchanged
    [TestCase("2026-03-09 07:00", "2026-03-09 09:00")]
    [TestCase("2026-03-06 17:00", "2026-03-09 09:00")]
    [TestCase("2026-03-07 12:00", "2026-03-09 09:00")]
    public void NextWorkingStart_NewYorkWeekdays_ReturnsFirstWorkingInstant(string at, string expected)
    {
        var schedule = Schedule(NewYork, "09:00-17:00", "mon-fri");

        Assert.That(Format(WorkingTime.NextWorkingStart(Local(at, schedule.TimeZone), schedule), schedule.TimeZone), Is.EqualTo(expected));
    }

    [Test]
    public void AddWorkingTime_ResultInAnotherOffset_IsSameInstant()
    {
        var schedule = Schedule(NewYork, "09:00-17:00", "mon-fri");
        var start = Local("2026-03-06 16:00", schedule.TimeZone);

        var fromUtc = WorkingTime.AddWorkingTime(start.ToUniversalTime(), NormDuration.Parse("4h"), schedule);

        Assert.That(fromUtc, Is.EqualTo(new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void AddWorkingTime_ThenWorkingTimeBetween_RoundTrips()
    {
        var schedule = Schedule(Berlin, "08:30-17:15", "mon-fri");
        var start = Local("2026-03-26 15:00", schedule.TimeZone);
        var duration = NormDuration.Parse("11h20m");

        var due = WorkingTime.AddWorkingTime(start, duration, schedule);

        Assert.That(WorkingTime.WorkingTimeBetween(start, due, schedule), Is.EqualTo(duration.Time));
    }

    internal static WorkSchedule Schedule(string zone, string hours, string days)
    {
        Assert.That(WorkingHours.TryParse(hours, out var h, out var hoursError), Is.True, hoursError);
        Assert.That(WorkingDays.TryParse(days, out var d, out var daysError), Is.True, daysError);
        return new WorkSchedule(h, d, TimeZoneInfo.FindSystemTimeZoneById(zone));
    }

    private static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Format(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString(local.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
