using System.Globalization;

namespace NormBot.Protocols.Commands;

/// <summary>The subcommands about people's time (PRODUCT §14, §17): <c>my-hours</c>, <c>away</c>, <c>back</c>, <c>holiday</c>, <c>holidays</c>.</summary>
internal static class PeopleCommandParser
{
    /// <summary>Holidays are days off, not sabbaticals: longer absences are <c>/norms away</c>.</summary>
    public const int MaxHolidayDays = 31;

    public static NormsParseResult ParseMyHours(List<NormsToken> args)
    {
        if (args.Count == 0)
        {
            return new MyHoursCommand(null, null, null);
        }

        if (args is [var off] && off.Is("off"))
        {
            return new MyHoursOffCommand();
        }

        // "10:00-18:00" is one word; "10:00 - 18:00" or "10:00 to 18:00" three.
        var hoursWords = args.Count >= 3 && (args[1].Is("-") || args[1].Is("to")) ? 3 : 1;
        var hoursText = string.Join(' ', args.Take(hoursWords).Select(a => a.Text));
        if (!WorkingHours.TryParse(hoursText, out var hours, out var error))
        {
            return NormsCommandParser.Error("my-hours", error);
        }

        WorkingDays? days = null;
        TimeZoneInfo? zone = null;
        foreach (var arg in args.Skip(hoursWords))
        {
            if (days is null && WorkingDays.TryParse(arg.Text, out var parsedDays, out _))
            {
                days = parsedDays;
            }
            else if (zone is null && ProtocolValues.TryTimeZone(arg.Text, out var parsedZone, out _))
            {
                zone = parsedZone;
            }
            else
            {
                return NormsCommandParser.Error("my-hours", $"\"{arg.Text}\" is not days (like mon-fri) or a time zone (like Europe/Berlin)");
            }
        }

        return new MyHoursCommand(hours, days, zone);
    }

    public static NormsParseResult ParseAway(List<NormsToken> args)
    {
        if (args.Count == 0)
        {
            return NormsCommandParser.Error("away", "Say until when: the day you are back, like 2026-12-28, or how long, like 3d");
        }

        var note = args.Count > 1 ? string.Join(' ', args.Skip(1).Select(a => a.Text)).Trim() : null;
        if (TryDay(args[0].Text, out var day))
        {
            return new AwayCommand(day, null, note);
        }

        if (NormDuration.TryParse(args[0].Text, out var duration, out _) && !duration.IsZero && duration.WorkingDays <= 365)
        {
            return new AwayCommand(null, TimeSpan.FromDays(duration.WorkingDays) + duration.Time, note);
        }

        return NormsCommandParser.Error("away", $"\"{args[0].Text}\" is not a date or a duration; use the day you are back, like 2026-12-28, or a duration like 4h or 3d");
    }

    public static NormsParseResult ParseBack(List<NormsToken> args) =>
        args.Count == 0 ? new BackCommand() : NormsCommandParser.TooMany("back", args[0]);

    public static NormsParseResult ParseHolidays(List<NormsToken> args) =>
        args switch
        {
            [] => new HolidaysCommand(null),
            [{ IsChannel: true } channel] => new HolidaysCommand(channel.Ref),
            [var other] => NormsCommandParser.Error("holidays", $"\"{other.Text}\" is not a channel; use a channel like #general"),
            [_, var extra, ..] => NormsCommandParser.TooMany("holidays", extra),
        };

    public static NormsParseResult ParseHoliday(List<NormsToken> args)
    {
        if (args.Count == 0 || !(args[0].Is("add") || args[0].Is("remove")))
        {
            return NormsCommandParser.Error("holiday", args.Count == 0 ? "Say add or remove" : $"\"{args[0].Text}\" is not add or remove");
        }

        var rest = args.Skip(1).ToList();
        SlackRef? channel = null;
        if (rest.Count > 0 && rest[^1].IsChannel)
        {
            channel = rest[^1].Ref;
            rest.RemoveAt(rest.Count - 1);
        }

        if (rest.Count == 0 || !TryDay(rest[0].Text, out var first))
        {
            return NormsCommandParser.Error("holiday", rest.Count == 0 ? "Say which day, like 2026-12-24" : $"\"{rest[0].Text}\" is not a date; use YYYY-MM-DD, like 2026-12-24");
        }

        if (args[0].Is("remove"))
        {
            return rest.Count == 1 ? new HolidayRemoveCommand(first, channel) : NormsCommandParser.TooMany("holiday", rest[1]);
        }

        var last = first;
        if (rest.Count > 1 && TryDay(rest[1].Text, out var second))
        {
            last = second;
            rest.RemoveAt(1);
        }

        if (last < first)
        {
            return NormsCommandParser.Error("holiday", $"{Day(last)} is before {Day(first)}; give the first day, then the last");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxHolidayDays)
        {
            return NormsCommandParser.Error("holiday", $"a holiday is at most {MaxHolidayDays} days; for a longer absence people use /norms away");
        }

        var name = string.Join(' ', rest.Skip(1).Select(a => a.Text)).Trim();
        return name.Length > 80
            ? NormsCommandParser.Error("holiday", "the name is too long; keep it under 80 characters, like \"Christmas\"")
            : new HolidayAddCommand(first, last, name, channel);
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
