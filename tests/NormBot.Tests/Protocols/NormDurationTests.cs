using NormBot.Protocols;

namespace NormBot.Tests.Protocols;

public sealed class NormDurationTests
{
    [TestCase("90s", 0, 90)]
    [TestCase("30m", 0, 1800)]
    [TestCase("4h", 0, 14400)]
    [TestCase("2d", 2, 0)]
    [TestCase("1h30m", 0, 5400)]
    [TestCase("1d4h", 1, 14400)]
    [TestCase("0s", 0, 0)]
    public void TryParse_Text_KeepsWorkingDaysApart(string text, int days, int seconds)
    {
        Assert.That(NormDuration.TryParse(text, out var duration, out var error), Is.True, error);
        Assert.That(duration, Is.EqualTo(new NormDuration(days, TimeSpan.FromSeconds(seconds))));
    }

    [TestCase("90s", "1m30s")]
    [TestCase("1d4h", "1d4h")]
    [TestCase("36h", "36h")] // hours are working hours; they never become days
    [TestCase("0m", "0s")]
    [TestCase("2d0h1s", "2d1s")]
    public void ToString_Parsed_IsCanonicalAndRoundTrips(string text, string canonical)
    {
        var duration = NormDuration.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(duration.ToString(), Is.EqualTo(canonical));
            Assert.That(NormDuration.Parse(duration.ToString()), Is.EqualTo(duration));
        });
    }

    [TestCase("")]
    [TestCase("4")]
    [TestCase("h")]
    [TestCase("30m4h")] // units largest first
    [TestCase("4 h")]
    [TestCase("1w")]
    public void TryParse_Malformed_Fails(string text)
    {
        Assert.That(NormDuration.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(NormDuration.Hint));
    }
}
