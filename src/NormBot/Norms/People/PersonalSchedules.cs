using NormBot.Norms.Asks;
using NormBot.Protocols;
using NormBot.Slack.Users;

namespace NormBot.Norms.People;

/// <summary>
/// Whose time a clock runs on (PRODUCT §14): the person's own hours, days and zone, minus holidays and the time they
/// are away. Their <c>/norms my-hours</c> wins; then, with <c>hours slack</c>, their Slack notification schedule; then
/// the channel's protocol. The zone is theirs from my-hours, else from Slack, else the channel's.
/// </summary>
public sealed class PersonalSchedules(
    PersonalHoursStore personal, SlackWorkHours slackHours, AwayStore away, HolidayStore holidays, UserDirectory users, TimeProvider time)
{
    // Away spans read back this far: stats and digests count reply times over two periods of up to 30 days.
    private static readonly TimeSpan History = TimeSpan.FromDays(62);

    /// <summary>The schedule of <paramref name="userId"/> in a channel (<see cref="AskStore.Anyone"/>: the channel's own).</summary>
    public async Task<WorkSchedule> ForAsync(string teamId, string userId, string? channelId, Protocol protocol, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var days = await holidays.DaysAsync(teamId, channelId, ct);
        if (userId == AskStore.Anyone)
        {
            return protocol.Schedule with { Holidays = days };
        }

        var now = time.GetUtcNow();
        var profile = await users.GetAsync(teamId, userId, ct);
        await away.SyncStatusAsync(teamId, userId, AwayStatus.Match(profile, protocol.AwayStatuses, now), now, ct);
        var spans = await away.SpansAsync(teamId, userId, now - History, ct);
        var own = await personal.GetAsync(teamId, userId, ct);
        var slackZone = profile?.Tz is { } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found) ? found : null;
        var fromSlack = own is null && protocol.HoursFromSlack
            ? await slackHours.GetAsync(teamId, userId, slackZone ?? protocol.TimeZone, ct)
            : null;
        return Compose(protocol, own, fromSlack, slackZone, days, spans.Select(s => s.ToSpan()));
    }

    public static WorkSchedule Compose(
        Protocol protocol, PersonalHours? own, WorkingHours? slackHours, TimeZoneInfo? slackZone, IReadOnlySet<DateOnly> holidays, IEnumerable<AwaySpan> away)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var schedule = new WorkSchedule(own?.Hours ?? slackHours ?? protocol.Hours, own?.Days ?? protocol.Days, own?.TimeZone ?? slackZone ?? protocol.TimeZone);
        return schedule with { Holidays = holidays, Away = [.. away] };
    }
}
