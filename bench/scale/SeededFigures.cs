using System.Data.Common;
using Dapper;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Norms.Asks;
using NormBot.Slack.Channels;

namespace NormBot.Bench.Scale;

/// <summary>
/// What the app's stores keep beside the rows as they write them (migration 0013), for the seeded rows: each settled
/// ask's outcome, worked out by the app's own <see cref="AskOutcome"/> in its assignee's working time as
/// <see cref="AskOutcomes"/> sees it, and the channels' day sums as <see cref="ChannelDays"/> adds them up write by write.
/// <see cref="CheckAsync"/> then compares the seeded sums with the rows.
/// </summary>
public sealed class SeededFigures
{
    public static readonly string[] OutcomeColumns = ["answered_at", "due_work_at", "reply_work_ms", "answered_within"];

    public static readonly string[] DayColumns = ["team_id", "channel_id", "day", "asks", "deleted", "opened_sum", "replied", "replied_sum", "decisions"];

    public static readonly string[] NudgeDayColumns = ["team_id", "channel_id", "day", "rule", "sent", "observed"];

    private readonly Dictionary<(string Team, string Channel, long Day), DaySums> _days = [];
    private readonly Dictionary<(string Team, string Channel, long Day, string Rule), (long Sent, long Observed)> _nudgeDays = [];
    private readonly Dictionary<(string Team, string Channel, string Assignee), ChannelNorms> _norms = [];

    /// <summary>The norms of every (channel, assignee) pair the seeded asks have, from the app's services on the seeded store.</summary>
    public static async Task<SeededFigures> PrepareAsync(AskOutcomes outcomes, ScaleData data, CancellationToken ct)
    {
        var figures = new SeededFigures();
        var busy = data.BusyAsks().Select(b => ((string)b.Ask[1]!, (string)b.Assignee[3]!)).Distinct().ToList();
        foreach (var (pair, norms) in await outcomes.NormsAsync(ScaleData.BusyTeam, busy, ct))
        {
            figures._norms[(ScaleData.BusyTeam, pair.Channel, pair.Assignee)] = norms;
        }

        foreach (var team in data.SmallAsks().Select(a => (string)a[0]!).Distinct())
        {
            foreach (var (pair, norms) in await outcomes.NormsAsync(team, data.SmallAsks().Where(a => (string)a[0]! == team).Select(a => ((string)a[1]!, AskStore.Anyone)), ct))
            {
                figures._norms[(team, pair.Channel, pair.Assignee)] = norms;
            }
        }

        return figures;
    }

    /// <summary>An ask row (<see cref="ScaleData.AskColumns"/>) with its outcome columns; <paramref name="assignee"/> null: waiting on anyone.</summary>
    public object?[] Ask(object?[] ask, string? assignee)
    {
        var (team, channel, state, opened, firstReply, resolved) = ((string)ask[0]!, (string)ask[1]!, (string)ask[6]!, (long)ask[7]!, (long?)ask[8], (long?)ask[9]);
        var day = _days.GetValueOrDefault((team, channel, ChannelDays.DayOf(opened))) ?? new DaySums { TeamId = team, ChannelId = channel, Day = ChannelDays.DayOf(opened) };
        _days[(team, channel, day.Day)] = day.Plus(new DaySums
        {
            Asks = 1, Deleted = state == NormBot.Norms.Asks.Ask.Deleted ? 1 : 0, OpenedSum = opened, Replied = firstReply is null ? 0 : 1, RepliedSum = firstReply ?? 0,
        });

        // Open and unanswered, or deleted: nothing settled (AskStore).
        if ((state == NormBot.Norms.Asks.Ask.Open && firstReply is null) || state == NormBot.Norms.Asks.Ask.Deleted)
        {
            return [.. ask, null, null, null, null];
        }

        var answeredAt = firstReply ?? (state == NormBot.Norms.Asks.Ask.Answered ? resolved : null);
        var outcome = AskOutcome.Of(opened, answeredAt, _norms[(team, channel, assignee ?? AskStore.Anyone)]);
        return [.. ask, answeredAt, outcome.DueAt.ToUnixTimeMilliseconds(), (long?)outcome.Reply?.TotalMilliseconds, answeredAt is null ? null : outcome.Within ? 1L : 0L];
    }

    public object?[] Decision(object?[] decision)
    {
        var (team, channel, at) = ((string)decision[0]!, (string)decision[1]!, (long)decision[4]!);
        var day = _days.GetValueOrDefault((team, channel, ChannelDays.DayOf(at))) ?? new DaySums { TeamId = team, ChannelId = channel, Day = ChannelDays.DayOf(at) };
        _days[(team, channel, day.Day)] = day.Plus(new DaySums { Decisions = 1 });
        return decision;
    }

    /// <summary>A nudge row (<see cref="ScaleData.NudgeColumns"/>); the seeded ones were all sent.</summary>
    public object?[] Nudge(object?[] nudge)
    {
        var key = ((string)nudge[0]!, (string)nudge[4]!, ChannelDays.DayOf((long)nudge[6]!), (string)nudge[3]!);
        var (sent, observed) = _nudgeDays.GetValueOrDefault(key);
        _nudgeDays[key] = (sent + 1, observed);
        return nudge;
    }

    /// <summary>The day sums, once the asks, decisions and nudges have been seeded.</summary>
    public IEnumerable<object?[]> Days() =>
        _days.Values.Select(d => new object?[] { d.TeamId, d.ChannelId, d.Day, d.Asks, d.Deleted, d.OpenedSum, d.Replied, d.RepliedSum, d.Decisions });

    public IEnumerable<object?[]> NudgeDays() =>
        _nudgeDays.Select(n => new object?[] { n.Key.Team, n.Key.Channel, n.Key.Day, n.Key.Rule, n.Value.Sent, n.Value.Observed });

    /// <summary>The seeded day sums against the rows, per workspace and channel: the digest and Home figures read them.</summary>
    public static async Task CheckAsync(DbConnection connection, CancellationToken ct)
    {
        const string FromDays = """
            SELECT team_id || '/' || channel_id AS Channel, SUM(asks) AS Asks, SUM(deleted) AS Deleted, SUM(opened_sum) AS OpenedSum,
                   SUM(replied) AS Replied, SUM(replied_sum) AS RepliedSum, SUM(decisions) AS Decisions
            FROM channel_days GROUP BY team_id, channel_id
            """;
        const string FromRows = """
            SELECT k.team_id || '/' || k.channel_id AS Channel, COUNT(*) AS Asks, SUM(CASE WHEN k.state = 'deleted' THEN 1 ELSE 0 END) AS Deleted,
                   SUM(k.opened_at) AS OpenedSum, COUNT(k.first_reply_at) AS Replied, COALESCE(SUM(k.first_reply_at), 0) AS RepliedSum,
                   (SELECT COUNT(*) FROM decisions d WHERE d.team_id = k.team_id AND d.channel_id = k.channel_id) AS Decisions
            FROM asks k GROUP BY k.team_id, k.channel_id
            """;
        const string NudgesFromDays = "SELECT team_id || '/' || channel_id || '/' || rule AS Key, SUM(sent) AS Count FROM channel_day_nudges GROUP BY team_id, channel_id, rule";
        const string NudgesFromRows = "SELECT team_id || '/' || channel_id || '/' || rule AS Key, COUNT(*) AS Count FROM nudges GROUP BY team_id, channel_id, rule";
        var days = (await connection.QueryAsync(new CommandDefinition(FromDays, cancellationToken: ct))).Select(Text).Order().ToList();
        var rows = (await connection.QueryAsync(new CommandDefinition(FromRows, cancellationToken: ct))).Select(Text).Order().ToList();
        var nudgeDays = (await connection.QueryAsync(new CommandDefinition(NudgesFromDays, cancellationToken: ct))).Select(Text).Order().ToList();
        var nudgeRows = (await connection.QueryAsync(new CommandDefinition(NudgesFromRows, cancellationToken: ct))).Select(Text).Order().ToList();
        if (!days.SequenceEqual(rows) || !nudgeDays.SequenceEqual(nudgeRows))
        {
            throw new InvalidOperationException($"seeded day sums differ from the rows: {days.Except(rows).Concat(nudgeDays.Except(nudgeRows)).FirstOrDefault()}");
        }

        Console.Error.WriteLine($"  checked: day sums of {days.Count:N0} channels and {nudgeDays.Count:N0} channel rules agree with the rows");
    }

    /// <summary>The busiest channel's 30-day figures as a digest reads them, against the figures worked out from every row.</summary>
    public static async Task CheckDigestAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        const string Rows = $"""
            SELECT channel_id AS ChannelId, ts AS Ts, asker_id AS AskerId, '' AS Excerpt, state AS State, opened_at AS OpenedAt,
                   first_reply_at AS FirstReplyAt, resolved_at AS ResolvedAt, {AskStore.SingleAssignee} AS AssigneeId
            FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId
            """;
        var channel = ScaleData.BusiestChannel;
        await using var connection = await services.GetRequiredService<NormBot.Storage.Db>().OpenAsync(ct);
        var asks = await DigestDataStore.ReadAsksAsync(connection, Rows, new { TeamId = ScaleData.BusyTeam, ChannelId = channel }, ct);
        var decisions = (await connection.QueryAsync<long>(new CommandDefinition("SELECT at FROM decisions WHERE team_id = @TeamId AND channel_id = @ChannelId", new { TeamId = ScaleData.BusyTeam, ChannelId = channel }, cancellationToken: ct)))
            .Select(at => new DecisionRow(channel, "", "", at, "")).ToList();
        var nudges = (await connection.QueryAsync<(string Rule, long At)>(new CommandDefinition("SELECT rule, at FROM nudges WHERE team_id = @TeamId AND channel_id = @ChannelId", new { TeamId = ScaleData.BusyTeam, ChannelId = channel }, cancellationToken: ct)))
            .Select(n => new NudgeRow(channel, n.Rule, n.At)).ToList();
        await connection.CloseAsync();
        var norms = await services.GetRequiredService<AskOutcomes>().NormsAsync(ScaleData.BusyTeam, asks.Select(a => (a.ChannelId, a.AssigneeId ?? AskStore.Anyone)), ct);
        var report = await services.GetRequiredService<DigestReporter>().BuildAsync(ScaleData.BusyTeam, [channel], now.AddDays(-30), now, QuoteAudience.Channel(channel), ct);
        foreach (var (stored, from) in new[] { (report.Current, now.AddDays(-30)), (report.Previous, now.AddDays(-60)) })
        {
            var raw = PeriodFigures.Compute(new DigestData(asks, decisions, nudges), from, from.AddDays(30), a => norms[(a.ChannelId, a.AssigneeId ?? AskStore.Anyone)]);
            var (s, r) = (Describe(stored), Describe(raw));
            if (s != r)
            {
                throw new InvalidOperationException($"the digest's stored figures differ from the rows': {s} against {r}");
            }

            Console.Error.WriteLine($"  checked: {channel} {from:yyyy-MM-dd}+30d from stored figures = from rows: {s}");
        }
    }

    private static string Describe(PeriodFigures f) =>
        $"{f.Opened} opened, {f.Answered} answered, {f.StillOpen} open, {f.AnsweredWithin}/{f.Judged} within, median {f.Median}, p90 {f.P90}, {f.Decisions} decisions, nudges "
        + string.Join(" ", f.NudgesByRule.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}={n.Value}"));

    private static string Text(dynamic row) => string.Join(",", ((IDictionary<string, object>)row).Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
}
