namespace NormBot.Protocols;

/// <summary>The days of the week that count as working days; never empty, so a next working day always exists.</summary>
public sealed record WorkingDays
{
    public const string Hint = "use days like mon-fri, mon,wed,fri, sun-thu or mon-sun";

    // Monday first, the order people write and read working weeks in.
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly string[] Names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static readonly WorkingDays MondayToFriday = new(0b0011111);

    public static readonly WorkingDays EveryDay = new(0b1111111);

    private readonly int _mask;

    private WorkingDays(int mask) => _mask = mask;

    public static WorkingDays Of(params DayOfWeek[] days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var mask = days.Aggregate(0, (m, d) => m | (1 << Array.IndexOf(Week, d)));
        return mask == 0 ? throw new ArgumentException("At least one working day is needed.", nameof(days)) : new WorkingDays(mask);
    }

    public bool Contains(DayOfWeek day) => (_mask & (1 << Array.IndexOf(Week, day))) != 0;

    public IEnumerable<DayOfWeek> Days => Week.Where(Contains);

    public static bool TryParse(string? text, out WorkingDays days, out string error)
    {
        days = MondayToFriday;
        var trimmed = (text ?? string.Empty).Trim().ToLowerInvariant();
        switch (trimmed)
        {
            case "weekdays":
                error = string.Empty;
                return true;
            case "every day" or "everyday" or "daily" or "all":
                days = EveryDay;
                error = string.Empty;
                return true;
        }

        var mask = 0;
        foreach (var part in trimmed.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            var first = ends.Length is 1 or 2 ? DayIndex(ends[0]) : -1;
            var last = ends.Length == 2 ? DayIndex(ends[1]) : first;
            if (first < 0 || last < 0)
            {
                error = $"\"{(text ?? string.Empty).Trim()}\" is not a set of days; {Hint}";
                return false;
            }

            // A range may wrap past Sunday (sun-thu), as weeks do in much of the world.
            for (var i = first; ; i = (i + 1) % 7)
            {
                mask |= 1 << i;
                if (i == last)
                {
                    break;
                }
            }
        }

        days = new WorkingDays(mask);
        error = string.Empty;
        return true;
    }

    /// <summary>Canonical text, Monday first, runs of three or more days written as ranges.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        for (var i = 0; i < 7;)
        {
            if (!Contains(Week[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < 7 && Contains(Week[end + 1]))
            {
                end++;
            }

            parts.Add(end - i >= 2 ? $"{Names[i]}-{Names[end]}" : end == i ? Names[i] : $"{Names[i]},{Names[end]}");
            i = end + 1;
        }

        return string.Join(',', parts);
    }

    /// <summary>Quartz cron day-of-week field, e.g. <c>MON-FRI</c>.</summary>
    public string ToCronField() => ToString().ToUpperInvariant();

    private static int DayIndex(string name) =>
        name.Length >= 3 ? Array.FindIndex(Names, n => name.StartsWith(n, StringComparison.Ordinal) && IsDayName(name)) : -1;

    private static bool IsDayName(string name) =>
        name.Length == 3 || Enum.GetNames<DayOfWeek>().Any(d => d.Equals(name, StringComparison.OrdinalIgnoreCase))
        || name is "tues" or "thur" or "thurs";
}
