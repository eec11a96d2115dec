using NormBot.Norms;
using NormBot.Protocols;
using NormBot.Slack.Api;

namespace NormBot.Digests;

/// <summary>Builds a <see cref="DigestReport"/> for some channels and a period from what the rules recorded.</summary>
public sealed partial class DigestReporter(DigestDataStore data, ProtocolService protocols, ISlackClients slack, ILogger<DigestReporter> logger)
{
    /// <summary>How many oldest open asks and decisions get a line (and a permalink call) of their own.</summary>
    public const int OpenAskLines = 10;

    public const int DecisionLines = 5;

    public async Task<DigestReport> BuildAsync(string teamId, IReadOnlyList<string> channelIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        var previousFrom = from - (to - from);
        var rows = await data.LoadAsync(teamId, channelIds, previousFrom, to, ct);
        var workspace = await protocols.GetAsync(teamId, null, ct);

        var norms = new Dictionary<string, ChannelNorms>(StringComparer.Ordinal);
        foreach (var channel in rows.Asks.Select(a => a.ChannelId).Distinct(StringComparer.Ordinal))
        {
            var protocol = await protocols.GetAsync(teamId, channel, ct);
            norms[channel] = new ChannelNorms(protocol.Schedule, protocol.ResponseTime);
        }

        ChannelNorms For(string channel) => norms[channel];
        var current = PeriodFigures.Compute(rows, from, to, For);
        var previous = PeriodFigures.Compute(rows, previousFrom, from, For);

        var toMs = to.ToUnixTimeMilliseconds();
        var oldest = new List<OpenAskLine>();
        foreach (var ask in rows.Asks.Where(a => a.IsOpenAt(toMs)).OrderBy(a => a.OpenedAt).ThenBy(a => a.Ts, StringComparer.Ordinal).Take(OpenAskLines))
        {
            var waiting = WorkingTime.WorkingTimeBetween(DateTimeOffset.FromUnixTimeMilliseconds(ask.OpenedAt), to, norms[ask.ChannelId].Schedule);
            oldest.Add(new OpenAskLine(ask, await PermalinkAsync(teamId, ask.ChannelId, ask.Ts, ct), waiting));
        }

        var fromMs = from.ToUnixTimeMilliseconds();
        var decisions = new List<DecisionLine>();
        foreach (var decision in rows.Decisions.Where(d => d.At >= fromMs && d.At < toMs).OrderByDescending(d => d.At).Take(DecisionLines))
        {
            decisions.Add(new DecisionLine(decision, await PermalinkAsync(teamId, decision.ChannelId, decision.Ts, ct)));
        }

        return new DigestReport(channelIds, workspace.TimeZone, current, previous, oldest, decisions);
    }

    // A missing link is not worth failing a digest for: the line still names the channel and the asker.
    private async Task<string?> PermalinkAsync(string teamId, string channel, string ts, CancellationToken ct)
    {
        try
        {
            return await slack.For(teamId).GetPermalinkAsync(channel, ts, ct);
        }
        catch (SlackApiException ex)
        {
            LogNoPermalink(logger, channel, ts, ex.Error);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No permalink for {Channel}/{Ts}: {Error}")]
    private static partial void LogNoPermalink(ILogger logger, string channel, string ts, string error);
}
