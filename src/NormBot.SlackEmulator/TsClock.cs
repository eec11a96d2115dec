using System.Globalization;

namespace NormBot.SlackEmulator;

/// <summary>Issues Slack-style <c>ts</c> strings that are unique and strictly increasing.</summary>
internal sealed class TsClock(TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _lastMicros;

    public string Next()
    {
        var micros = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        lock (_gate)
        {
            // Two posts in the same microsecond (or a frozen fake clock) must still get distinct message ids.
            _lastMicros = Math.Max(micros, _lastMicros + 1);
            return Format(_lastMicros);
        }
    }

    public static string Format(long micros) =>
        string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");

    /// <summary>Parses a client-supplied ts for ordering; doubles would lose the microseconds.</summary>
    public static decimal? Parse(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}
