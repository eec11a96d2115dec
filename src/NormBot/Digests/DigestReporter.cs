using NormBot.Norms;
using NormBot.Norms.Asks;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Slack.Channels;
using NormBot.Slack.Quotes;

namespace NormBot.Digests;

/// <summary>Builds a <see cref="DigestReport"/> for some channels and a period from what the rules recorded.</summary>
public sealed class DigestReporter(DigestDataStore data, ProtocolService protocols, AskOutcomes outcomes, ISlackClients slack, ChannelPrivacy privacy, SlackQuotes quotes)
{
    /// <summary>How many oldest open asks and decisions get a line (and a permalink call) of their own.</summary>
    public const int OpenAskLines = 10;

    public const int DecisionLines = 5;

    /// <summary>
    /// Figures cover every channel asked for; lines quoting a private channel are left out unless
    /// <paramref name="audience"/> may read it (PRODUCT §12), and only counted.
    /// </summary>
    public async Task<DigestReport> BuildAsync(string teamId, IReadOnlyList<string> channelIds, DateTimeOffset from, DateTimeOffset to, QuoteAudience audience, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        var previousFrom = from - (to - from);
        var currentData = await data.PeriodAsync(teamId, channelIds, from, to, ct);
        var previousData = await data.PeriodAsync(teamId, channelIds, previousFrom, from, ct);
        var open = await data.OpenAtAsync(teamId, channelIds, to, ct);
        var recent = await data.DecisionsAsync(teamId, channelIds, from, to, ct);
        var workspace = await protocols.GetAsync(teamId, null, ct);

        var readable = new Dictionary<string, bool>(StringComparer.Ordinal);
        var quotedFrom = open.Select(a => a.ChannelId).Concat(recent.Select(d => d.ChannelId)).Distinct().ToList();
        await privacy.LearnAsync(teamId, quotedFrom, ct);
        foreach (var channel in quotedFrom)
        {
            readable[channel] = await privacy.MayQuoteAsync(teamId, channel, audience, ct);
        }

        // Only the asks not settled yet and the oldest open ones shown are worked out here, each in its assignee's
        // working time, or the channel's (with its holidays) when it waited on several.
        var shown = open.Where(a => readable[a.ChannelId]).OrderBy(a => a.OpenedAt).ThenBy(a => a.Ts, StringComparer.Ordinal).Take(OpenAskLines).ToList();
        var norms = await outcomes.NormsAsync(teamId, currentData.Unsettled.Concat(previousData.Unsettled).Concat(shown).Select(Key), ct);
        ChannelNorms For(AskRow ask) => norms[Key(ask)];
        var current = PeriodFigures.Of(currentData, from, to, For);
        var previous = PeriodFigures.Of(previousData, previousFrom, from, For);

        var oldest = new List<OpenAskLine>();
        foreach (var ask in shown)
        {
            var waiting = WorkingTime.WorkingTimeBetween(DateTimeOffset.FromUnixTimeMilliseconds(ask.OpenedAt), to, For(ask).Schedule);
            oldest.Add(new OpenAskLine(ask, await quotes.OfAsync(teamId, ask.Excerpt, ct), await slack.For(teamId).PermalinkOrNullAsync(ask.ChannelId, ask.Ts, ct), waiting));
        }

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
