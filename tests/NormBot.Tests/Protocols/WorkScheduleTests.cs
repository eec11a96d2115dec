using NormBot.Protocols;

namespace NormBot.Tests.Protocols;

public sealed class WorkScheduleTests
{
    [TestCase("mon-fri", DayOfWeek.Friday, true)]
    [TestCase("mon-fri", DayOfWeek.Saturday, false)]
    [TestCase("sun-thu", DayOfWeek.Sunday, true)]
    [TestCase("sun-thu", DayOfWeek.Friday, false)]
    [TestCase("fri-mon", DayOfWeek.Sunday, true)] // wraps through the weekend
    [TestCase("fri-mon", DayOfWeek.Wednesday, false)]
    public void WorkingDays_Contains_FollowsParsedSet(string days, DayOfWeek day, bool expected)
    {
        Assert.That(WorkingDays.TryParse(days, out var parsed, out var error), Is.True, error);
        Assert.That(parsed.Contains(day), Is.EqualTo(expected));
    }

    [TestCase("mon-fri", "MON-FRI")]
    [TestCase("mon,wed", "MON,WED")]
    [TestCase("sun-thu", "MON-THU,SUN")]
    public void WorkingDays_ToCronField_IsQuartzDayOfWeek(string days, string expected)
    {
        Assert.That(WorkingDays.TryParse(days, out var parsed, out _), Is.True);
        Assert.That(parsed.ToCronField(), Is.EqualTo(expected));
    }

    [Test]
    public void WorkingDays_OfNothing_IsRefused() =>
        Assert.That(() => WorkingDays.Of(), Throws.ArgumentException);

    [TestCase(17, 9)]
    [TestCase(9, 9)]
    [TestCase(9, 25)]
    public void WorkingHours_EndNotAfterStart_IsRefused(int start, int end) =>
        Assert.That(() => new WorkingHours(TimeSpan.FromHours(start), TimeSpan.FromHours(end)), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void WorkingHours_Always_CoversTheWholeDay()
    {
        Assert.That(WorkingHours.TryParse("always", out var hours, out _), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(hours.IsAlways, Is.True);
            Assert.That(hours.End - hours.Start, Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(hours, Is.EqualTo(WorkingHours.Always));
        });
    }
}
