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

    /// <summary>
    /// The schedules of many (channel, person) pairs for a digest or stats, as <see cref="ForAsync"/> gives them, in a
    /// few reads for the whole workspace rather than several per pair: a workspace's stats cover thousands of people
    /// across hundreds of channels. A report only reads: a Slack status is taken up when the rules see the person (an
    /// away span that starts now would change no reply time of the past anyway). Stored profiles up to
    /// <paramref name="profileAge"/> old are taken as they are; the rules refresh them as people post, and a users.info
    /// call for each person would pace a report to minutes.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Channel, string User), WorkSchedule>> ForReportAsync(
        string teamId, IEnumerable<(string Channel, string User)> pairs, Func<string, Task<Protocol>> protocolOf, TimeSpan profileAge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(protocolOf);
        var now = time.GetUtcNow();
        var spans = await away.TeamSpansAsync(teamId, now - History, ct);
        var own = await personal.ForTeamAsync(teamId, ct);
        var channels = new Dictionary<string, (Protocol Protocol, IReadOnlySet<DateOnly> Days)>(StringComparer.Ordinal);
        var profiles = new Dictionary<string, UserProfile?>(StringComparer.Ordinal);
        var slackHoursOf = new Dictionary<(string User, string Zone), WorkingHours?>();
        var result = new Dictionary<(string Channel, string User), WorkSchedule>();
        foreach (var (channelId, userId) in pairs.Distinct())
        {
            if (!channels.TryGetValue(channelId, out var channel))
            {
                channels[channelId] = channel = (await protocolOf(channelId), await holidays.DaysAsync(teamId, channelId, ct));
            }

            if (userId == AskStore.Anyone)
            {
                result[(channelId, userId)] = channel.Protocol.Schedule with { Holidays = channel.Days };
                continue;
            }

            if (!profiles.TryGetValue(userId, out var profile))
            {
                profiles[userId] = profile = await users.GetAsync(teamId, userId, ct, profileAge);
            }

            var hours = own.GetValueOrDefault(userId);
            var slackZone = profile?.Tz is { } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found) ? found : null;
            WorkingHours? fromSlack = null;
            if (hours is null && channel.Protocol.HoursFromSlack)
            {
                var zone = slackZone ?? channel.Protocol.TimeZone;
                if (!slackHoursOf.TryGetValue((userId, zone.Id), out fromSlack))
                {
                    slackHoursOf[(userId, zone.Id)] = fromSlack = await slackHours.GetAsync(teamId, userId, zone, ct);
                }
            }

            result[(channelId, userId)] = Compose(channel.Protocol, hours, fromSlack, slackZone, channel.Days, spans[userId].Select(s => s.ToSpan()));
        }

        return result;
    }

    public static WorkSchedule Compose(
        Protocol protocol, PersonalHours? own, WorkingHours? slackHours, TimeZoneInfo? slackZone, IReadOnlySet<DateOnly> holidays, IEnumerable<AwaySpan> away)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var schedule = new WorkSchedule(own?.Hours ?? slackHours ?? protocol.Hours, own?.Days ?? protocol.Days, own?.TimeZone ?? slackZone ?? protocol.TimeZone);
        return schedule with { Holidays = holidays, Away = [.. away] };
    }
}
