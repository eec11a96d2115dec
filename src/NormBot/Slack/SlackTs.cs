using System.Globalization;

namespace NormBot.Slack;

/// <summary>Slack message timestamps ("1700000000.000100") are ids and instants at once.</summary>
public static class SlackTs
{
    public static DateTimeOffset ToInstant(string ts)
    {
        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        var seconds = long.Parse(dot < 0 ? ts : ts[..dot], CultureInfo.InvariantCulture);
        var micros = dot < 0 ? 0 : long.Parse(ts[(dot + 1)..].PadRight(6, '0')[..6], CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * 10);
    }

    public static bool TryToInstant(string? ts, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(ts) || !char.IsAsciiDigit(ts[0]))
        {
            return false;
        }

        try
        {
            instant = ToInstant(ts);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string FromInstant(DateTimeOffset instant)
    {
        var micros = instant.ToUnixTimeMilliseconds() % 1000 * 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{instant.ToUnixTimeSeconds()}.{micros:D6}");
    }
}
