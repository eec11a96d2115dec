using NormBot.Norms.Asks;
using NormBot.Norms.People;
using NormBot.Protocols;

namespace NormBot.Digests;

/// <summary>
/// Works out asks' outcomes in their assignees' working time as a report sees it: the schedule of the one person an ask
/// waited on, or the channel's own when it waited on several (<see cref="PersonalSchedules.ForReportAsync"/>), and the
/// channel's response time. Reports use it for the asks they work out live, the stores when an ask settles.
/// </summary>
public sealed class AskOutcomes(PersonalSchedules schedules, ProtocolService protocols)
{
    /// <summary>How old a stored profile a report takes as it is (<see cref="PersonalSchedules.ForReportAsync"/>).</summary>
    public static readonly TimeSpan ReportProfileAge = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<AskOutcome>> OfAsync(string teamId, IReadOnlyList<SettlingAsk> asks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asks);
        var norms = await NormsAsync(teamId, asks.Select(a => (a.ChannelId, a.AssigneeId ?? AskStore.Anyone)), ct);
        return asks.Select(a => AskOutcome.Of(a.OpenedAt, a.AnsweredAt, norms[(a.ChannelId, a.AssigneeId ?? AskStore.Anyone)])).ToList();
    }

    /// <summary>The norms each (channel, assignee) pair's asks are counted by; <see cref="AskStore.Anyone"/>: the channel's own time.</summary>
    public async Task<IReadOnlyDictionary<(string Channel, string Assignee), ChannelNorms>> NormsAsync(
        string teamId, IEnumerable<(string Channel, string Assignee)> pairs, CancellationToken ct)
    {
        // One protocol per channel for both the schedules and the response time, read once.
        var protocolOf = new Dictionary<string, Protocol>(StringComparer.Ordinal);
        async Task<Protocol> ProtocolOf(string channel) =>
            protocolOf.TryGetValue(channel, out var known) ? known : protocolOf[channel] = await protocols.GetAsync(teamId, channel, ct);

        var keys = pairs.Distinct().ToList();
        var schedulesByPair = await schedules.ForReportAsync(teamId, keys, ProtocolOf, ReportProfileAge, ct);
        var norms = new Dictionary<(string Channel, string Assignee), ChannelNorms>();
        foreach (var key in keys)
        {
            norms[key] = new ChannelNorms(schedulesByPair[key], (await ProtocolOf(key.Channel)).ResponseTime);
        }

        return norms;
    }
}
