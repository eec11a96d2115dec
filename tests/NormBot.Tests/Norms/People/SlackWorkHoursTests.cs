using NormBot.Norms.People;
using NormBot.Slack.Api;

namespace NormBot.Tests.Norms.People;

public sealed class SlackWorkHoursTests
{
    // Notifications 08:30-18:00 in Kolkata: Do Not Disturb from 18:00 to 08:30 the next morning.
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [TestCase("2026-06-08 18:00", "2026-06-09 08:30", "08:30-18:00")] // not in DND now: the next one starts tonight
    [TestCase("2026-06-07 18:00", "2026-06-08 08:30", "08:30-18:00")] // in DND now: its end comes before the next start
    [TestCase("2026-06-08 22:00", "2026-06-09 00:00", "00:00-22:00")] // DND ends at midnight
    [TestCase("2026-06-08 00:00", "2026-06-08 07:00", "07:00-24:00")] // DND starts at midnight
    [TestCase("2026-06-08 09:00", "2026-06-08 17:00", null)] // a daytime DND leaves overnight hours, which are not supported
    public void FromDnd_Schedule_IsTheGapBetweenEndAndNextStart(string start, string end, string? expected)
    {
        var dnd = new DndInfo { Ok = true, DndEnabled = true, NextDndStartTs = Unix(start), NextDndEndTs = Unix(end) };

        Assert.That(SlackWorkHours.FromDnd(dnd, Kolkata)?.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void FromDnd_NoSchedule_IsNull() =>
        Assert.That(SlackWorkHours.FromDnd(new DndInfo { Ok = true, DndEnabled = false, NextDndStartTs = 1, NextDndEndTs = 1 }, Kolkata), Is.Null);

    private static long Unix(string local)
    {
        var time = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(time, Kolkata.GetUtcOffset(time)).ToUnixTimeSeconds();
    }
}
