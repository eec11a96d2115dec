using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Norms.Asks;
using NormBot.Norms.Nudges;
using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Protocols.Home;
using NormBot.Slack.Api;
using NormBot.Slack.Channels;
using NormBot.Slack.Outbox;
using NormBot.Storage;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Digests;

/// <summary>
/// Digests, stats and the Home tab read day sums and the outcomes stored as asks settle (migration 0013). On random
/// histories written through the stores (answers by reply and ✅, ✅ taken back, deletions, dismissals, a channel
/// archived, decisions, sent and observed nudges, rows from before the migration), over periods starting and ending
/// mid-day, they must give exactly the figures worked out from every row, as the reports did before; and again after
/// retention cut into the history. Runs on the store the suite runs on.
/// </summary>
[NonParallelizable]
public sealed class DigestAggregatesTests
{
    private const string Team = EmulatedSlackApp.TeamId;
    private static readonly string[] Channels = ["C0AGG1", "C0AGG2", "C0AGG3"];
    private static readonly string[] People = ["U0AGG1", "U0AGG2", "U0AGG3"];

    // A Monday, 07:13 UTC: a history of 24 days starting mid-morning.
    private static readonly DateTimeOffset Start = new(2026, 2, 2, 7, 13, 0, TimeSpan.Zero);

    // Every row the old reports read, with the one assignee the same way.
    private const string AllAsks = $"""
        SELECT channel_id AS ChannelId, ts AS Ts, asker_id AS AskerId, excerpt AS Excerpt, state AS State, opened_at AS OpenedAt,
               first_reply_at AS FirstReplyAt, resolved_at AS ResolvedAt, {AskStore.SingleAssignee} AS AssigneeId
        FROM asks WHERE team_id = @TeamId
        """;

    // The Home tab's ranking as it was read before the day sums.
    private const string SlowestFromRows = """
        SELECT channel_id AS ChannelId, COUNT(*) AS Asks, AVG(COALESCE(first_reply_at, @Now) - opened_at) AS AverageMs,
               SUM(CASE WHEN first_reply_at IS NULL THEN 1 ELSE 0 END) AS Unanswered
        FROM asks WHERE team_id = @TeamId AND opened_at >= @Since
        GROUP BY channel_id ORDER BY AverageMs DESC
        """;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task RandomHistory_StoredFiguresEqualTheRowsFigures_BeforeAndAfterRetention(int seed)
    {
        var time = new FakeTimeProvider(Start);
        await using var env = await EmulatedSlackApp.StartAsync(time: time, settings: new Dictionary<string, string?>
        {
            ["Storage:RetentionDays"] = "12",
        });
        foreach (var channel in Channels)
        {
            env.Slack.Workspace.AddChannel(channel, channel.ToLowerInvariant(), env.Slack.BotUserId);
        }

        env.Slack.Workspace.AddUser(People[0], "una", "UTC");
        env.Slack.Workspace.AddUser(People[1], "dos", "UTC");
        env.Slack.Workspace.AddUser(People[2], "tres", "Europe/Berlin");

        // Nothing but this test writes: the overdue scan (its reminders are nudges), digests and retention wait, once
        // the scheduler has started (a hosted service starts it after the host is up).
        var scheduler = await env.App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.That(await Eventually.TrueAsync(() => scheduler.Status is not (Quartz.SchedulerStatus.Created or Quartz.SchedulerStatus.Unknown)), Is.True, "the scheduler starts");
        await scheduler.Standby();
        var services = env.App.Services;
        await SetPeoplesTimeAsync(services);
        await WriteHistoryAsync(services, time, new Random(seed));

        // Reports ask Slack for permalinks, paced on the app's clock: it moves on while they run (their periods are fixed).
        var now = time.GetUtcNow();
        using var stop = new CancellationTokenSource();
        var clock = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(2);
            }
        });

        var random = new Random(seed * 7);
        await AssertSameFiguresAsync(services, now, random);
        await services.GetRequiredService<RetentionService>().PurgeAsync(CancellationToken.None);
        await AssertSameFiguresAsync(services, now, random);
        await stop.CancelAsync();
        await clock;
    }

    private static async Task SetPeoplesTimeAsync(IServiceProvider services)
    {
        // U1 works 10:00–18:00 in New York, U2 was away for two days, C0AGG2 had a holiday: each ask counts in its own time.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        await services.GetRequiredService<PersonalHoursStore>().SetAsync(Team, People[0], new PersonalHours(new WorkingHours(TimeSpan.FromHours(10), TimeSpan.FromHours(18)), null, zone), CancellationToken.None);
        await services.GetRequiredService<AwayStore>().StartSelfAsync(Team, People[1], Start.AddDays(5), Start.AddDays(7), "off", CancellationToken.None);
        await services.GetRequiredService<HolidayStore>().AddAsync(Team, new Holiday(Channels[1], new DateOnly(2026, 2, 11), new DateOnly(2026, 2, 11), "Team day"), People[2], CancellationToken.None);
    }

    private static async Task WriteHistoryAsync(IServiceProvider services, FakeTimeProvider time, Random random)
    {
        var asks = services.GetRequiredService<AskStore>();
        var decisions = services.GetRequiredService<DecisionStore>();
        var nudger = services.GetRequiredService<Nudger>();
        var open = new List<(string Channel, string Ts)>();
        var answered = new List<(string Channel, string Ts, string By)>();
        for (var step = 0; step < 260; step++)
        {
            time.Advance(TimeSpan.FromMinutes(random.Next(1, 180)));
            var now = time.GetUtcNow();
            var ts = $"{now.ToUnixTimeSeconds()}.{step:D6}";
            var channel = Channels[random.Next(Channels.Length)];
            var roll = random.Next(100);
            if (roll < 40 || open.Count == 0)
            {
                string[] waitingOn = random.Next(4) switch
                {
                    0 => [AskStore.Anyone],
                    1 => People.Take(2).ToArray(),
                    _ => [People[random.Next(People.Length)]],
                };
                var assignees = waitingOn.Select(u => new AskAssignee(u, now.AddHours(4), now.AddDays(1))).ToList();
                await asks.OpenAsync(new Ask(Team, channel, ts, null, "U0ASKER", "question " + ts, Ask.Open, now.ToUnixTimeMilliseconds()), assignees, CancellationToken.None);
                open.Add((channel, ts));
                continue;
            }

            var pick = open[random.Next(open.Count)];
            switch (roll)
            {
                case < 60:
                    await asks.NoteReplyAsync(Team, pick.Channel, pick.Ts, now, CancellationToken.None);
                    if (random.Next(2) == 0)
                    {
                        await Answer(pick, People[0]);
                    }

                    break;
                case < 72:
                    await Answer(pick, People[random.Next(People.Length)]);
                    break;
                case < 76 when answered.Count > 0:
                    var back = answered[random.Next(answered.Count)];
                    if (await asks.ReopenAsync(Team, back.Channel, back.Ts, back.By, CancellationToken.None))
                    {
                        answered.Remove(back);
                        open.Add((back.Channel, back.Ts));
                    }

                    break;
                case < 81:
                    await asks.ResolveAsync(Team, pick.Channel, pick.Ts, Ask.Deleted, null, CancellationToken.None);
                    open.Remove(pick);
                    break;
                case < 84:
                    await asks.ResolveAsync(Team, pick.Channel, pick.Ts, "dismissed", People[0], CancellationToken.None);
                    open.Remove(pick);
                    break;
                case < 90:
                    await decisions.RecordAsync(Team, channel, ts, People[0], now, "Decision: " + ts, CancellationToken.None);
                    break;
                default:
                    var observe = random.Next(3) == 0;
                    var message = OutboxMessage.Ephemeral(new PostEphemeral(channel, People[1], "Consider adding context."));
                    await nudger.SendAsync(new Nudge(Team, People[1], random.Next(2) == 0 ? Nudge.Context : Nudge.Misroute, channel, ts, "effect-" + ts, message, 0, Observe: observe), CancellationToken.None);
                    break;
            }

            if (step == 200)
            {
                // A channel archived: its open asks close unanswered.
                await asks.CloseAllAsync(Team, Channels[2], CancellationToken.None);
                open.RemoveAll(o => o.Channel == Channels[2]);
            }
        }

        // Some rows as the migration found them: no stored outcome, worked out when a report runs.
        await using var connection = await services.GetRequiredService<Db>().OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE asks SET answered_at = NULL, due_work_at = NULL, reply_work_ms = NULL, answered_within = NULL WHERE team_id = @Team AND ts LIKE '%3.%'",
            new { Team });

        async Task Answer((string Channel, string Ts) ask, string by)
        {
            if (await asks.ResolveAsync(Team, ask.Channel, ask.Ts, Ask.Answered, by, CancellationToken.None))
            {
                open.Remove(ask);
                answered.Add((ask.Channel, ask.Ts, by));
            }
        }
    }

    private static async Task AssertSameFiguresAsync(IServiceProvider services, DateTimeOffset now, Random random)
    {
        var reporter = services.GetRequiredService<DigestReporter>();
        var rows = await RowsAsync(services.GetRequiredService<Db>());
        var norms = await services.GetRequiredService<AskOutcomes>().NormsAsync(Team, rows.Asks.Select(a => (a.ChannelId, a.AssigneeId ?? AskStore.Anyone)), CancellationToken.None);
        ChannelNorms For(AskRow ask) => norms[(ask.ChannelId, ask.AssigneeId ?? AskStore.Anyone)];

        var periods = new List<(DateTimeOffset From, DateTimeOffset To)> { (now.AddDays(-7), now), (now.AddDays(-1), now), (now.AddHours(-5), now) };
        for (var i = 0; i < 4; i++)
        {
            var to = now.AddMinutes(-random.Next(0, 60 * 24 * 8));
            periods.Add((to.AddMinutes(-random.Next(30, 60 * 24 * 9)), to));
        }

        foreach (var (from, to) in periods)
        {
            foreach (string[] channels in new[] { [], [Channels[0]], Channels[1..] })
            {
                var report = await reporter.BuildAsync(Team, channels, from, to, QuoteAudience.Channel(Channels[0]), CancellationToken.None);
                var covered = channels.Length == 0 ? rows : Only(rows, channels);
                var what = $"{string.Join(",", channels)} {from:u} – {to:u}";
                AssertSame(report.Current, PeriodFigures.Compute(covered, from, to, For), "current " + what);
                AssertSame(report.Previous, PeriodFigures.Compute(covered, from - (to - from), from, For), "previous " + what);
                var oldest = covered.Asks.Where(a => a.IsOpenAt(to.ToUnixTimeMilliseconds())).OrderBy(a => a.OpenedAt).ThenBy(a => a.Ts, StringComparer.Ordinal).Take(DigestReporter.OpenAskLines);
                Assert.That(report.OldestOpen.Select(l => l.Ask.Ts), Is.EqualTo(oldest.Select(a => a.Ts)), "oldest open " + what);
            }
        }

        var home = services.GetRequiredService<HomeQueries>();
        foreach (var since in new[] { now.AddDays(-7), now.AddDays(-3).AddMinutes(-random.Next(1, 1000)), now.AddDays(-30) })
        {
            var ranked = await home.SlowestChannelsAsync(Team, since, now, 5, CancellationToken.None);
            await using var connection = await services.GetRequiredService<Db>().OpenAsync();
            var expected = (await connection.QueryAsync<ChannelResponse>(SlowestFromRows, new { TeamId = Team, Since = since.ToUnixTimeMilliseconds(), Now = now.ToUnixTimeMilliseconds() })).ToList();
            Assert.That(ranked.Select(r => (r.ChannelId, r.Asks, r.Unanswered)), Is.EqualTo(expected.Select(r => (r.ChannelId, r.Asks, r.Unanswered))), $"ranking since {since:u}");
            Assert.That(ranked.Select(r => r.AverageMs), Is.EqualTo(expected.Select(r => r.AverageMs)).Within(0.001), $"averages since {since:u}");
        }
    }

    private static void AssertSame(PeriodFigures actual, PeriodFigures expected, string what)
    {
        Assert.That(
            (actual.Opened, actual.Answered, actual.StillOpen, actual.Judged, actual.AnsweredWithin, actual.Median, actual.P90, actual.Decisions, actual.WouldHaveNudged),
            Is.EqualTo((expected.Opened, expected.Answered, expected.StillOpen, expected.Judged, expected.AnsweredWithin, expected.Median, expected.P90, expected.Decisions, expected.WouldHaveNudged)),
            what);
        Assert.That(actual.NudgesByRule, Is.EquivalentTo(expected.NudgesByRule), what);
    }

    private static DigestData Only(DigestData rows, string[] channels) => new(
        [.. rows.Asks.Where(a => channels.Contains(a.ChannelId))], [.. rows.Decisions.Where(d => channels.Contains(d.ChannelId))], [.. rows.Nudges.Where(n => channels.Contains(n.ChannelId))]);

    private static async Task<DigestData> RowsAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var asks = await DigestDataStore.ReadAsksAsync(connection, AllAsks, new { TeamId = Team }, CancellationToken.None);
        var decisions = await connection.QueryAsync<(string ChannelId, string Ts, string UserId, long At, string Excerpt)>(
            "SELECT channel_id, ts, user_id, at, excerpt FROM decisions WHERE team_id = @TeamId", new { TeamId = Team });
        var nudges = await connection.QueryAsync<(string ChannelId, string Rule, long At, long Observed)>(
            "SELECT channel_id, rule, at, observed FROM nudges WHERE team_id = @TeamId", new { TeamId = Team });
        return new DigestData(
            asks,
            [.. decisions.Select(d => new DecisionRow(d.ChannelId, d.Ts, d.UserId, d.At, d.Excerpt))],
            [.. nudges.Select(n => new NudgeRow(n.ChannelId, n.Rule, n.At, n.Observed != 0))]);
    }
}
