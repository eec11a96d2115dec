using NormBot.Protocols;

namespace NormBot.Norms.Expectations;

/// <summary>How soon one assignee of a new ask can answer it (PRODUCT §14): are they away or off work, and until when.</summary>
public sealed record ReplyOutlook(string UserId, string State, DateTimeOffset BackAt, DateTimeOffset ReplyBy)
{
    public const string Working = "working";
    public const string Away = "away";
    public const string Holiday = "holiday";
    public const string OffWork = "off";

    public bool IsAway => State is Away or Holiday;

    public static ReplyOutlook Of(string userId, WorkSchedule schedule, DateTimeOffset at, DateTimeOffset replyBy)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var back = WorkingTime.NextWorkingStart(at, schedule);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, schedule.TimeZone).DateTime);
        var state = back == at ? Working
            : schedule.IsAwayAt(at) ? Away
            : schedule.Holidays.Contains(today) ? Holiday
            : OffWork;
        return new ReplyOutlook(userId, state, back, replyBy);
    }

    /// <summary>
    /// The asker hears when every assignee is away, or when none of them is at work within response-time of clock
    /// time (a day of it counted as 24 hours): a reply can't come within the norm however quick they are.
    /// </summary>
    public static bool WorthTelling(IReadOnlyList<ReplyOutlook> outlooks, DateTimeOffset at, NormDuration responseTime)
    {
        ArgumentNullException.ThrowIfNull(outlooks);
        var soon = at + TimeSpan.FromDays(responseTime.WorkingDays) + responseTime.Time;
        return outlooks.Count > 0 && (outlooks.All(o => o.IsAway) || outlooks.All(o => o.BackAt > soon));
    }
}
