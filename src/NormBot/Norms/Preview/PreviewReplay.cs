using NormBot.Digests;
using NormBot.Norms.Asks;
using NormBot.Norms.Nudges;
using NormBot.Norms.People;
using NormBot.Norms.Rules;
using NormBot.Protocols;

namespace NormBot.Norms.Preview;

/// <summary>
/// Replays a period's stored metadata under a protocol per channel, through the rules' own decisions: ask deadlines and
/// escalation times from <see cref="AskDeadlines"/> on each assignee's schedule (<see cref="PersonalSchedules.ForReportAsync"/>, as
/// a digest reads it: stored profiles and statuses, no Slack call), the context rule
/// from <see cref="ContextRule.WouldNudge"/>, the misroute nudges as recorded (their text is not kept), then observe mode
/// and the daily nudge limit. Writes nothing.
/// </summary>
public sealed class PreviewReplay(PersonalSchedules schedules)
{
    public async Task<PreviewFigures> ReplayAsync(
        string teamId, PreviewData data, Func<string, Task<Protocol>> protocolFor, string? onlyChannel, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(protocolFor);
        var protocols = new Dictionary<string, Protocol>();
        async Task<Protocol> ProtocolOf(string channelId) =>
            protocols.TryGetValue(channelId, out var known) ? known : protocols[channelId] = await protocolFor(channelId);

        async Task<Protocol?> Tracked(string channelId) =>
            (onlyChannel is null || channelId == onlyChannel) && await ProtocolOf(channelId) is { Tracking: true } protocol ? protocol : null;

        var tracked = new List<(IGrouping<(string ChannelId, string Ts), AskWait> Waits, Protocol Protocol)>();
        foreach (var ask in data.Asks.GroupBy(a => (a.ChannelId, a.Ts)))
        {
            if (await Tracked(ask.Key.ChannelId) is { } protocol)
            {
                tracked.Add((ask, protocol));
            }
        }

        // Everyone's time read once for the week, as a digest reads it: a week of a busy workspace is tens of thousands
        // of waits, and a schedule read per wait (or a users.info call per stale profile) would not answer in Slack's window.
        var pairs = tracked.SelectMany(t => t.Waits.Where(w => w.Declined == 0).Select(w => (w.ChannelId, w.UserId)));
        var schedulesOf = await schedules.ForReportAsync(teamId, pairs, ProtocolOf, AskOutcomes.ReportProfileAge, ct);
        var nudges = new List<(string UserId, long At, string Rule, bool Observe, int Limit)>();
        var (pastDue, escalated) = (0, 0);
        foreach (var (ask, protocol) in tracked)
        {
            var (late, escalates) = (false, false);
            foreach (var wait in ask.Where(w => w.Declined == 0))
            {
                var schedule = schedulesOf[(wait.ChannelId, wait.UserId)];
                var openedAt = DateTimeOffset.FromUnixTimeMilliseconds(wait.OpenedAt);
                var end = wait.EndedAt is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : now;
                var due = AskDeadlines.Due(openedAt, protocol, schedule);
                if (due < end && due <= now)
                {
                    late = true;
                    // An unassigned ask gets one note to its asker; a person gets their reminder (PRODUCT §13, §5).
                    var (to, rule) = wait.UserId == AskStore.Anyone ? (wait.AskerId, Nudge.Unanswered) : (wait.UserId, Nudge.Overdue);
                    nudges.Add((to, due.ToUnixTimeMilliseconds(), rule, protocol.Observe, protocol.NudgeLimit));
                }

                var escalation = AskDeadlines.Escalation(openedAt, 1, protocol, schedule);
                escalates |= escalation < end && escalation <= now;
            }

            pastDue += late ? 1 : 0;
            if (escalates)
            {
                escalated++;
                nudges.Add(("", ask.Min(w => w.OpenedAt), Nudge.Escalation, protocol.Observe, 0));
            }
        }

        foreach (var fact in data.Facts)
        {
            if (await Tracked(fact.ChannelId) is { } protocol && ContextRule.WouldNudge((int?)fact.LacksContextFrom, fact.FollowUpAt - fact.At, protocol))
            {
                nudges.Add((fact.UserId, fact.At + (long)protocol.ContextGrace.TotalMilliseconds, Nudge.Context, protocol.Observe, protocol.NudgeLimit));
            }
        }

        foreach (var misroute in data.Misroutes)
        {
            if (await Tracked(misroute.ChannelId) is { } protocol)
            {
                nudges.Add((misroute.UserId, misroute.At, Nudge.Misroute, protocol.Observe, protocol.NudgeLimit));
            }
        }

        return Count(tracked.Count, pastDue, escalated, nudges);
    }

    // The Nudger's limit: at most nudge-limit nudges to one person in any 24 hours, observed ones counted apart.
    private static PreviewFigures Count(int asks, int pastDue, int escalated, List<(string UserId, long At, string Rule, bool Observe, int Limit)> nudges)
    {
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var observed = 0;
        var given = new Dictionary<(string, bool), List<long>>();
        foreach (var nudge in nudges.OrderBy(n => n.At))
        {
            if (nudge.Limit > 0)
            {
                var times = given.TryGetValue((nudge.UserId, nudge.Observe), out var list) ? list : given[(nudge.UserId, nudge.Observe)] = [];
                if (times.Count(t => t > nudge.At - (long)TimeSpan.FromDays(1).TotalMilliseconds) >= nudge.Limit)
                {
                    continue;
                }

                times.Add(nudge.At);
            }

            if (nudge.Observe)
            {
                observed++;
            }
            else
            {
                sent[nudge.Rule] = sent.GetValueOrDefault(nudge.Rule) + 1;
            }
        }

        return new PreviewFigures(asks, pastDue, escalated, sent, observed);
    }
}

/// <summary>What a period looked like under one set of values: asks, those past due and escalated, nudges by rule.</summary>
public sealed record PreviewFigures(int Asks, int PastDue, int Escalated, IReadOnlyDictionary<string, int> NudgesByRule, int WouldHaveNudged);
