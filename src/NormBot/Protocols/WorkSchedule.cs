namespace NormBot.Protocols;

/// <summary>When someone works: the protocol's hours and days, read in that person's time zone.</summary>
public sealed record WorkSchedule(WorkingHours Hours, WorkingDays Days, TimeZoneInfo TimeZone)
{
    public static WorkSchedule Default { get; } = new(new WorkingHours(TimeSpan.FromHours(9), TimeSpan.FromHours(17)), WorkingDays.MondayToFriday, TimeZoneInfo.Utc);

    public override string ToString() => $"{Hours} {Days} {TimeZone.Id}";
}
