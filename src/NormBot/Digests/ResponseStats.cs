namespace NormBot.Digests;

/// <summary>
/// Order statistics of reply times. Percentiles interpolate linearly between the two nearest ranks
/// (rank = p × (n − 1), zero-based; the "inclusive" definition of spreadsheets and numpy's default), so the
/// median of an even count is the mean of the two middle values and p90 of ten values lies between the 9th and 10th.
/// </summary>
public static class ResponseStats
{
    public static TimeSpan? Median(IEnumerable<TimeSpan> values) => Percentile(values, 0.5);

    public static TimeSpan? Percentile(IEnumerable<TimeSpan> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        return PercentileOfSorted(values.Select(v => v.Ticks).Order().ToArray(), p);
    }

    /// <summary>The percentile of durations given as ticks in ascending order (a period's stored reply times, sorted once).</summary>
    public static TimeSpan? PercentileOfSorted(long[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        var ticks = sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
        return TimeSpan.FromTicks((long)Math.Round(ticks, MidpointRounding.AwayFromZero));
    }
}
