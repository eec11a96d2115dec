using System.Globalization;
using System.Text.RegularExpressions;

namespace NormBot.Protocols;

/// <summary>
/// Daily working hours as local wall-clock offsets from midnight. <see cref="End"/> may be 24:00, which is
/// how <c>always</c> is held; overnight shifts (end before start) are out of scope and rejected.
/// </summary>
public sealed partial record WorkingHours
{
    public static readonly WorkingHours Always = new(TimeSpan.Zero, TimeSpan.FromHours(24));

    public WorkingHours(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > TimeSpan.FromHours(24) || end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Working hours must satisfy 00:00 <= start < end <= 24:00, got {start}-{end}.");
        }

        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    public bool IsAlways => Start == TimeSpan.Zero && End == TimeSpan.FromHours(24);

    public static bool TryParse(string? text, out WorkingHours hours, out string error)
    {
        hours = Always;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Equals("always", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("24h", StringComparison.OrdinalIgnoreCase))
        {
            error = string.Empty;
            return true;
        }

        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            error = $"\"{trimmed}\" is not working hours; use HH:MM-HH:MM like 09:00-17:30, or always";
            return false;
        }

        if (!TryTime(match.Groups["start"].Value, allowMidnightEnd: false, out var start, out error)
            || !TryTime(match.Groups["end"].Value, allowMidnightEnd: true, out var end, out error))
        {
            return false;
        }

        if (end <= start)
        {
            error = $"\"{trimmed}\" ends before it starts; overnight hours are not supported, use e.g. 09:00-17:30 or always";
            return false;
        }

        hours = new WorkingHours(start, end);
        return true;
    }

    /// <summary>Reads <c>H:MM</c> or <c>HH:MM</c>; the digest schedule uses it too.</summary>
    public static bool TryTime(string text, bool allowMidnightEnd, out TimeSpan time, out string error)
    {
        time = TimeSpan.Zero;
        var match = TimePattern().Match(text ?? string.Empty);
        var hour = match.Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : -1;
        var minute = match.Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : -1;
        var valid = match.Success && minute < 60 && (hour < 24 || (allowMidnightEnd && hour == 24 && minute == 0));
        error = valid ? string.Empty : $"\"{text}\" is not a time of day; use HH:MM like 09:30";
        if (valid)
        {
            time = new TimeSpan(hour, minute, 0);
        }

        return valid;
    }

    public override string ToString() => IsAlways ? "always" : $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}");

    [GeneratedRegex(@"^(?<start>\S+?)\s*(?:-|–|to)\s*(?<end>\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
