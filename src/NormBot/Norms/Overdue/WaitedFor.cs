using System.Globalization;

namespace NormBot.Norms.Overdue;

/// <summary>Working time in words ("1h 20m"): hours, not days, because a working day is not 24 hours.</summary>
public static class WaitedFor
{
    public static string Format(TimeSpan span)
    {
        var minutes = (long)Math.Round(span.TotalMinutes);
        var hours = minutes / 60;
        var rest = minutes % 60;
        return hours == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(rest, 1)}m")
            : rest == 0 ? string.Create(CultureInfo.InvariantCulture, $"{hours}h") : string.Create(CultureInfo.InvariantCulture, $"{hours}h {rest}m");
    }
}
