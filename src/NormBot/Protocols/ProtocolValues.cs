using System.Globalization;

namespace NormBot.Protocols;

/// <summary>Per-key parsing of protocol values: typed values for <see cref="Protocol"/>, canonical text for storage.</summary>
public static class ProtocolValues
{
    public const int MaxMinWords = 50;

    public static bool TryNormalize(string key, string value, out string canonical, out string error)
    {
        canonical = string.Empty;
        error = string.Empty;
        bool ok;
        switch (key)
        {
            case ProtocolKeys.ResponseTime:
                ok = TryResponseTime(value, out var responseTime, out error);
                canonical = responseTime.ToString();
                return ok;
            case ProtocolKeys.ContextGrace:
                ok = TryGrace(value, out var grace, out error);
                canonical = NormDuration.FromTime(grace).ToString();
                return ok;
            case ProtocolKeys.Hours when value.Equals(ProtocolKeys.SlackHours, StringComparison.OrdinalIgnoreCase):
                canonical = ProtocolKeys.SlackHours;
                return true;
            case ProtocolKeys.Hours:
                ok = WorkingHours.TryParse(value, out var hours, out error);
                canonical = hours.ToString();
                if (!ok)
                {
                    error += ", or slack (each person's Slack notification schedule)";
                }

                return ok;
            case ProtocolKeys.Days:
                ok = WorkingDays.TryParse(value, out var days, out error);
                canonical = days.ToString();
                return ok;
            case ProtocolKeys.TimeZone:
                ok = TryTimeZone(value, out var zone, out error);
                canonical = zone.Id;
                return ok;
            case ProtocolKeys.EscalateAfter:
                ok = TryMultiple(value, out var multiple, out error);
                canonical = multiple.ToString("0.##", CultureInfo.InvariantCulture) + "x";
                return ok;
            case ProtocolKeys.EscalateTo:
                ok = TryTargets(value, out var targets, out error);
                canonical = string.Join(", ", targets);
                return ok;
            case ProtocolKeys.UrgentChannel:
                ok = TryTarget(key, value, out var target, out error);
                canonical = target?.ToString() ?? string.Empty;
                return ok;
            case ProtocolKeys.Context:
            case ProtocolKeys.Tracking:
            case ProtocolKeys.Expectations:
            case ProtocolKeys.ExternalAsks:
            case ProtocolKeys.Welcome:
                ok = TrySwitch(key, value, out var on, out error);
                canonical = on ? "on" : "off";
                return ok;
            case ProtocolKeys.Mode:
                canonical = value.ToLowerInvariant();
                ok = canonical is ProtocolKeys.ObserveMode or ProtocolKeys.NudgeMode;
                error = ok ? string.Empty : $"\"{value}\" is not a mode; use mode observe (record what would be sent, send nothing) or mode nudge";
                return ok;
            case ProtocolKeys.MinWords:
                ok = TryInteger(key, value, 1, MaxMinWords, out var minWords, out error);
                canonical = minWords.ToString(CultureInfo.InvariantCulture);
                return ok;
            case ProtocolKeys.NudgeLimit:
                ok = TryInteger(key, value, 0, 100, out var limit, out error);
                canonical = limit.ToString(CultureInfo.InvariantCulture);
                return ok;
            default:
                ok = KeywordList.TryParse(value, out var keywords, out error);
                canonical = KeywordList.Format(keywords);
                return ok;
        }
    }

    public static bool TryResponseTime(string value, out NormDuration duration, out string error)
    {
        if (!NormDuration.TryParse(value, out duration, out error))
        {
            return false;
        }

        error = duration.IsZero ? $"response-time must be more than 0; {NormDuration.Hint}" : string.Empty;
        return !duration.IsZero;
    }

    /// <summary>The grace is a wall-clock wait for a follow-up message, so working days make no sense here.</summary>
    public static bool TryGrace(string value, out TimeSpan grace, out string error)
    {
        grace = TimeSpan.Zero;
        if (!NormDuration.TryParse(value, out var duration, out error))
        {
            return false;
        }

        if (duration.WorkingDays > 0 || duration.Time > TimeSpan.FromHours(1))
        {
            error = $"\"{value}\" is too long for context-grace; use at most 1h, like 0s, 30s or 1m";
            return false;
        }

        grace = duration.Time;
        return true;
    }

    public static bool TryTimeZone(string value, out TimeZoneInfo zone, out string error)
    {
        zone = TimeZoneInfo.Utc;
        error = string.Empty;
        if (value.Equals("UTC", StringComparison.OrdinalIgnoreCase) || value.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // People type "europe/berlin" or a Windows name; store the IANA id so every host reads it back the same.
        var found = FindZone(value)
            ?? TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => z.Id.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (found is not null && !found.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var ianaId))
        {
            found = FindZone(ianaId) ?? found;
        }

        if (found is null)
        {
            error = $"\"{value}\" is not a time zone; use an IANA name like Europe/Berlin, America/New_York or UTC";
            return false;
        }

        zone = found;
        return true;
    }

    private static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static bool TryMultiple(string value, out double multiple, out string error)
    {
        var number = value.EndsWith('x') || value.EndsWith('X') ? value[..^1].Trim() : value;
        var ok = double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out multiple)
            && multiple >= 1 && multiple <= 10;
        error = ok ? string.Empty : $"\"{value}\" is not a multiple of response-time; use a number from 1 to 10 and an x, like 2x or 1.5x";
        return ok;
    }

    /// <summary><c>none</c> gives null; <c>urgent-channel</c> only takes channels.</summary>
    public static bool TryTarget(string key, string value, out SlackRef? target, out string error)
    {
        target = null;
        error = string.Empty;
        if (value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (SlackRef.TryParse(value, out var parsed) && (key != ProtocolKeys.UrgentChannel || parsed.Kind == SlackRefKind.Channel))
        {
            target = parsed;
            return true;
        }

        error = key == ProtocolKeys.UrgentChannel
            ? $"\"{value}\" is not a channel; use a channel like #incidents, or none"
            : $"\"{value}\" is not a person, group or channel; use @someone, @a-group, #a-channel, or none";
        return false;
    }

    /// <summary><c>escalate-to</c>: up to three comma-separated targets, in the order the chain notifies them; <c>none</c> is empty.</summary>
    public static bool TryTargets(string value, out IReadOnlyList<SlackRef> targets, out string error)
    {
        targets = [];
        var list = new List<SlackRef>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryTarget(ProtocolKeys.EscalateTo, part, out var target, out error))
            {
                return false;
            }

            if (target is null)
            {
                continue; // "none" in a list adds nothing
            }

            if (list.Any(t => t.Kind == target.Kind && (t.Id ?? t.Name) == (target.Id ?? target.Name)))
            {
                error = $"{target} is in the list twice; name each target once";
                return false;
            }

            list.Add(target);
        }

        if (list.Count > ProtocolKeys.MaxEscalationTargets)
        {
            error = $"{list.Count} targets is too many; escalate-to takes up to {ProtocolKeys.MaxEscalationTargets}, like @lead, #eng-leads, @eng-managers";
            return false;
        }

        targets = list;
        error = string.Empty;
        return true;
    }

    public static bool TrySwitch(string key, string value, out bool on, out string error)
    {
        on = value.ToLowerInvariant() is "on" or "true" or "yes" or "enabled" or "enable";
        var off = value.ToLowerInvariant() is "off" or "false" or "no" or "disabled" or "disable";
        error = on || off ? string.Empty : $"\"{value}\" is not on or off; use {key} on or {key} off";
        return on || off;
    }

    public static bool TryInteger(string key, string value, int min, int max, out int number, out string error)
    {
        var ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max;
        error = ok ? string.Empty : $"\"{value}\" is not a valid {key}; use a whole number from {min} to {max}";
        return ok;
    }
}
