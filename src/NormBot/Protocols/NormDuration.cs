using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NormBot.Protocols;

/// <summary>
/// A protocol duration. PRODUCT §4 says "a day = one working day", so days are kept apart from
/// the s/m/h part: <c>2d</c> is two working days, not 48 hours, and only working-time arithmetic
/// can turn it into an instant.
/// </summary>
public readonly partial record struct NormDuration(int WorkingDays, TimeSpan Time)
{
    public const string Hint = "use a number and a unit, like 90s, 30m, 4h or 2d";

    public static NormDuration Zero => default;

    public bool IsZero => WorkingDays == 0 && Time == TimeSpan.Zero;

    public static NormDuration FromTime(TimeSpan time) => new(0, time);

    public static NormDuration FromWorkingDays(int days) => new(days, TimeSpan.Zero);

    public static bool TryParse(string? text, out NormDuration duration, out string error)
    {
        duration = Zero;
        var trimmed = (text ?? string.Empty).Trim();
        var match = Pattern().Match(trimmed);
        if (trimmed.Length == 0 || !match.Success)
        {
            error = $"\"{trimmed}\" is not a duration; {Hint}";
            return false;
        }

        long days = 0;
        long seconds = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = char.ToLowerInvariant(part.Value[^1]);
            if (!long.TryParse(part.Value.AsSpan(0, part.Value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                error = $"\"{trimmed}\" is too long; {Hint}";
                return false;
            }

            if (unit == 'd')
            {
                days += n;
            }
            else
            {
                seconds += n * unit switch { 'h' => 3600, 'm' => 60, _ => 1 };
            }
        }

        if (days > 365 || seconds > 365L * 24 * 3600)
        {
            error = $"\"{trimmed}\" is too long; {Hint}";
            return false;
        }

        duration = new NormDuration((int)days, TimeSpan.FromSeconds(seconds));
        error = string.Empty;
        return true;
    }

    public static NormDuration Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    /// <summary>Canonical text: units largest first, zero parts left out (<c>90s</c> becomes <c>1m30s</c>).</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, WorkingDays, 'd');
        Append(text, (long)Time.TotalHours, 'h');
        Append(text, Time.Minutes, 'm');
        Append(text, Time.Seconds, 's');
        return text.ToString();
    }

    private static void Append(StringBuilder text, long value, char unit)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    // Units in descending order, each at most once: "1h30m", "2d4h", "90s"; a space between parts is tolerated.
    [GeneratedRegex(@"^(?:(?<part>\d+d)\s*)?(?:(?<part>\d+h)\s*)?(?:(?<part>\d+m)\s*)?(?:(?<part>\d+s))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
