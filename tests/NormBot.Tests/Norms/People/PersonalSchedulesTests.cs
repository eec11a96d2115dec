using NormBot.Norms.People;
using NormBot.Protocols;

namespace NormBot.Tests.Norms.People;

public sealed class PersonalSchedulesTests
{
    private static readonly Protocol Channel = Protocol.Resolve(
        new Dictionary<string, string> { ["hours"] = "08:00-16:00", ["days"] = "sun-thu", ["timezone"] = "Asia/Dubai" }, new Dictionary<string, string>(), []);

    private static readonly WorkingHours Ten = new(TimeSpan.FromHours(10), TimeSpan.FromHours(18));
    private static readonly WorkingHours Noon = new(TimeSpan.FromHours(12), TimeSpan.FromHours(20));

    [TestCase(false, false, false, "08:00-16:00 mon-thu,sun Asia/Dubai")] // nothing known: the channel's
    [TestCase(false, false, true, "08:00-16:00 mon-thu,sun Europe/Lisbon")] // their Slack zone wins over the channel's
    [TestCase(false, true, true, "12:00-20:00 mon-thu,sun Europe/Lisbon")] // hours slack
    [TestCase(true, true, true, "10:00-18:00 mon-fri Asia/Kolkata")] // my-hours wins over all
    public void Compose_OwnHoursThenSlackThenChannel(bool own, bool slack, bool slackZone, string expected)
    {
        var personal = own ? new PersonalHours(Ten, WorkingDays.MondayToFriday, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")) : null;

        var schedule = PersonalSchedules.Compose(
            Channel, personal, slack ? Noon : null, slackZone ? TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon") : null, new HashSet<DateOnly>(), []);

        Assert.That(schedule.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Compose_MyHoursWithoutDaysOrZone_KeepsTheChannelsDaysAndTheirSlackZone()
    {
        var schedule = PersonalSchedules.Compose(
            Channel, new PersonalHours(Ten, null, null), null, TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon"), new HashSet<DateOnly> { new(2026, 12, 25) }, []);

        Assert.Multiple(() =>
        {
            Assert.That(schedule.ToString(), Is.EqualTo("10:00-18:00 mon-thu,sun Europe/Lisbon"));
            Assert.That(schedule.Holidays, Does.Contain(new DateOnly(2026, 12, 25)));
        });
    }
}
