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
        var one = await ForPairsAsync(teamId, [(channelId, userId)], _ => Task.FromResult(protocol), profileAge: null, ct);
        return one[(channelId, userId)];
    }

    /// <summary>
    /// The schedules of many (channel, person) pairs for one report, each as <see cref="ForAsync"/> gives it, with
    /// every channel and every person read once rather than once per pair: a workspace's stats cover thousands of
    /// people across hundreds of channels. Profiles up to <see cref="ReportProfileAge"/> old are taken as they are
    /// stored: the rules refresh them as people post, and asking Slack for each person would pace a report to minutes.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string? Channel, string User), WorkSchedule>> ForPairsAsync(
        string teamId, IEnumerable<(string? Channel, string User)> pairs, Func<string?, Task<Protocol>> protocolOf, TimeSpan? profileAge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(protocolOf);
        var now = time.GetUtcNow();
        var channels = new Dictionary<string, (Protocol Protocol, IReadOnlySet<DateOnly> Days)>(StringComparer.Ordinal);
        var people = new Dictionary<string, (UserProfile? Profile, PersonalHours? Own)>(StringComparer.Ordinal);
        var synced = new HashSet<(string User, string? Status)>();
        var spans = new Dictionary<string, IReadOnlyList<AwaySpan>>(StringComparer.Ordinal);
        var slackHoursOf = new Dictionary<(string User, string Zone), WorkingHours?>();
        var result = new Dictionary<(string? Channel, string User), WorkSchedule>();
        foreach (var (channelId, userId) in pairs.Distinct())
        {
            if (!channels.TryGetValue(channelId ?? string.Empty, out var channel))
            {
                var protocol = await protocolOf(channelId);
                channels[channelId ?? string.Empty] = channel = (protocol, await holidays.DaysAsync(teamId, channelId, ct));
            }

            if (userId == AskStore.Anyone)
            {
                result[(channelId, userId)] = channel.Protocol.Schedule with { Holidays = channel.Days };
                continue;
            }

            if (!people.TryGetValue(userId, out var person))
            {
                people[userId] = person = (await users.GetAsync(teamId, userId, ct, profileAge), await personal.GetAsync(teamId, userId, ct));
            }

            var status = AwayStatus.Match(person.Profile, channel.Protocol.AwayStatuses, now);
            if (synced.Add((userId, status?.Key)))
            {
                await away.SyncStatusAsync(teamId, userId, status, now, ct);
                spans.Remove(userId);
            }

            if (!spans.TryGetValue(userId, out var personSpans))
            {
                spans[userId] = personSpans = [.. (await away.SpansAsync(teamId, userId, now - History, ct)).Select(s => s.ToSpan())];
            }

            var slackZone = person.Profile?.Tz is { } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found) ? found : null;
            WorkingHours? fromSlack = null;
            if (person.Own is null && channel.Protocol.HoursFromSlack)
            {
                var zone = slackZone ?? channel.Protocol.TimeZone;
                if (!slackHoursOf.TryGetValue((userId, zone.Id), out fromSlack))
                {
                    slackHoursOf[(userId, zone.Id)] = fromSlack = await slackHours.GetAsync(teamId, userId, zone, ct);
                }
            }

            result[(channelId, userId)] = Compose(channel.Protocol, person.Own, fromSlack, slackZone, channel.Days, personSpans);
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
