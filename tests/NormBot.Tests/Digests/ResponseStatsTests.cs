using NormBot.Digests;

namespace NormBot.Tests.Digests;

public sealed class ResponseStatsTests
{
    private static TimeSpan[] Minutes(params int[] values) => values.Select(v => TimeSpan.FromMinutes(v)).ToArray();

    [Test]
    public void Median_OddCount_IsTheMiddleValue() =>
        Assert.That(ResponseStats.Median(Minutes(5, 1, 3)), Is.EqualTo(TimeSpan.FromMinutes(3)));

    [Test]
    public void Median_EvenCount_IsTheMeanOfTheTwoMiddleValues() =>
        Assert.That(ResponseStats.Median(Minutes(4, 1, 3, 2)), Is.EqualTo(TimeSpan.FromMinutes(2.5)));

    [Test]
    public void P90_FourValues_InterpolatesBetweenThirdAndFourth() =>
        // rank = 0.9 × 3 = 2.7 → 3m + 0.7 × (4m − 3m) = 3m42s
        Assert.That(ResponseStats.Percentile(Minutes(1, 2, 3, 4), 0.9), Is.EqualTo(TimeSpan.FromSeconds(222)));

    [Test]
    public void P90_TenValues_LiesBetweenNinthAndTenth() =>
        // rank = 0.9 × 9 = 8.1 → 90m + 0.1 × (600m − 90m) = 141m
        Assert.That(ResponseStats.Percentile(Minutes(10, 20, 30, 40, 50, 60, 70, 80, 90, 600), 0.9), Is.EqualTo(TimeSpan.FromMinutes(141)));

    [Test]
    public void Percentile_OneValue_IsThatValue()
    {
        Assert.That(ResponseStats.Median(Minutes(7)), Is.EqualTo(TimeSpan.FromMinutes(7)));
        Assert.That(ResponseStats.Percentile(Minutes(7), 0.9), Is.EqualTo(TimeSpan.FromMinutes(7)));
    }

    [Test]
    public void Percentile_NoValues_IsNull()
    {
        Assert.That(ResponseStats.Median([]), Is.Null);
        Assert.That(ResponseStats.Percentile([], 0.9), Is.Null);
    }

    [Test]
    public void Percentile_OutOfRange_Throws() =>
        Assert.That(() => ResponseStats.Percentile(Minutes(1), 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
