using NormBot.Norms;
using NormBot.Norms.Asks;
using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Slack.Channels;
using NormBot.Slack.Quotes;

namespace NormBot.Digests;

/// <summary>Builds a <see cref="DigestReport"/> for some channels and a period from what the rules recorded.</summary>
public sealed class DigestReporter(DigestDataStore data, ProtocolService protocols, PersonalSchedules schedules, ISlackClients slack, ChannelPrivacy privacy, SlackQuotes quotes)
{
    /// <summary>How many oldest open asks and decisions get a line (and a permalink call) of their own.</summary>
    public const int OpenAskLines = 10;

    public const int DecisionLines = 5;

    /// <summary>How old a stored profile a report takes as it is (<see cref="PersonalSchedules.ForReportAsync"/>).</summary>
    public static readonly TimeSpan ReportProfileAge = TimeSpan.FromDays(7);

    /// <summary>
    /// Figures cover every channel asked for; lines quoting a private channel are left out unless
    /// <paramref name="audience"/> may read it (PRODUCT §12), and only counted.
    /// </summary>
    public async Task<DigestReport> BuildAsync(string teamId, IReadOnlyList<string> channelIds, DateTimeOffset from, DateTimeOffset to, QuoteAudience audience, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        var previousFrom = from - (to - from);
        var rows = await data.LoadAsync(teamId, channelIds, previousFrom, to, ct);
        var workspace = await protocols.GetAsync(teamId, null, ct);

        // Each ask counts in its assignee's working time, or the channel's (with its holidays) when it waited on several.
        var keys = rows.Asks.Select(Key).Distinct().ToList();
        var schedulesByPair = await schedules.ForReportAsync(teamId, keys, channel => protocols.GetAsync(teamId, channel, ct), ReportProfileAge, ct);
        var norms = new Dictionary<(string Channel, string Assignee), ChannelNorms>();
        foreach (var key in keys)
        {
            var protocol = await protocols.GetAsync(teamId, key.Channel, ct);
            norms[key] = new ChannelNorms(schedulesByPair[key], protocol.ResponseTime);
        }

        ChannelNorms For(AskRow ask) => norms[Key(ask)];
        var current = PeriodFigures.Compute(rows, from, to, For);
        var previous = PeriodFigures.Compute(rows, previousFrom, from, For);

        var readable = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var channel in rows.Asks.Select(a => a.ChannelId).Concat(rows.Decisions.Select(d => d.ChannelId)).Distinct())
        {
            readable[channel] = await privacy.MayQuoteAsync(teamId, channel, audience, ct);
        }

        var toMs = to.ToUnixTimeMilliseconds();
        var open = rows.Asks.Where(a => a.IsOpenAt(toMs)).ToList();
        var oldest = new List<OpenAskLine>();
        foreach (var ask in open.Where(a => readable[a.ChannelId]).OrderBy(a => a.OpenedAt).ThenBy(a => a.Ts, StringComparer.Ordinal).Take(OpenAskLines))
        {
            var waiting = WorkingTime.WorkingTimeBetween(DateTimeOffset.FromUnixTimeMilliseconds(ask.OpenedAt), to, For(ask).Schedule);
            oldest.Add(new OpenAskLine(ask, await quotes.OfAsync(teamId, ask.Excerpt, ct), await slack.For(teamId).PermalinkOrNullAsync(ask.ChannelId, ask.Ts, ct), waiting));
        }

        var fromMs = from.ToUnixTimeMilliseconds();
        var recent = rows.Decisions.Where(d => d.At >= fromMs && d.At < toMs).ToList();
        var decisions = new List<DecisionLine>();
        foreach (var decision in recent.Where(d => readable[d.ChannelId]).OrderByDescending(d => d.At).Take(DecisionLines))
        {
            decisions.Add(new DecisionLine(decision, await quotes.OfAsync(teamId, decision.Excerpt, ct), await slack.For(teamId).PermalinkOrNullAsync(decision.ChannelId, decision.Ts, ct)));
        }

        var unquoted = open.Count(a => !readable[a.ChannelId]) + recent.Count(d => !readable[d.ChannelId]);
        return new DigestReport(channelIds, workspace.TimeZone, current, previous, oldest, decisions) { PrivateUnquoted = unquoted };
    }

    private static (string Channel, string Assignee) Key(AskRow ask) => (ask.ChannelId, ask.AssigneeId ?? AskStore.Anyone);
}
