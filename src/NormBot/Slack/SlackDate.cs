using System.Globalization;

namespace NormBot.Slack;

/// <summary>
/// Slack's date token: <c>&lt;!date^…&gt;</c> renders an instant in each reader's own time zone. The fallback after
/// the <c>|</c> (clients that cannot render it, notifications) is written in the zone given, UTC by default.
/// </summary>
public static class SlackDate
{
    public static string Format(DateTimeOffset at, TimeZoneInfo? fallbackZone = null)
    {
        var zone = fallbackZone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var fallback = zone == TimeZoneInfo.Utc
            ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"
            : local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|{fallback}>");
    }
}
