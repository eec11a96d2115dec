namespace NormBot.Protocols;

/// <summary>
/// When someone works: hours and days in their time zone, minus holidays (local dates in their own calendar)
/// and the spans they are away (PRODUCT §14).
/// </summary>
public sealed record WorkSchedule(WorkingHours Hours, WorkingDays Days, TimeZoneInfo TimeZone)
{
    private readonly IReadOnlyList<AwaySpan> _away = [];

    public static WorkSchedule Default { get; } = new(new WorkingHours(TimeSpan.FromHours(9), TimeSpan.FromHours(17)), WorkingDays.MondayToFriday, TimeZoneInfo.Utc);

    public IReadOnlySet<DateOnly> Holidays { get; init; } = new HashSet<DateOnly>();

    /// <summary>Kept in order of <see cref="AwaySpan.From"/>, which the working-time arithmetic relies on.</summary>
    public IReadOnlyList<AwaySpan> Away
    {
        get => _away;
        init => _away = [.. value.OrderBy(s => s.From)];
    }

    /// <summary>The length of one working day, which is how a day of a duration counts while the clock is paused.</summary>
    public TimeSpan DayLength => Hours.End - Hours.Start;

    public bool IsWorkingDate(DateOnly date) => Days.Contains(date.DayOfWeek) && !Holidays.Contains(date);

    public bool IsAwayAt(DateTimeOffset at) => _away.Any(s => s.Covers(at));

    public override string ToString() => $"{Hours} {Days} {TimeZone.Id}";
}
