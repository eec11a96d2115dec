using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NormBot.Digests;
using NormBot.Protocols;
using NormBot.Protocols.Commands;
using NormBot.Slack.Events;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.Digests;

/// <summary>The real host against the emulator, driving Quartz's persistent store with a fake clock.</summary>
[NonParallelizable]
public sealed class DigestSchedulingHostTests
{
    private const string Team = EmulatedSlackApp.TeamId;
    private const string Leads = "C0LEADS";
    private const string General = "C0GENERAL";

    private string _folder = "";
    private Emulator _slack = null!;

    [SetUp]
    public async Task Start()
    {
        _folder = Directory.CreateTempSubdirectory("normbot-digest-host").FullName;
        _slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = Team });
        _slack.Workspace.AddChannel(Leads, "team-leads", _slack.BotUserId, "U0LEAD");
        _slack.Workspace.AddChannel(General, "general", _slack.BotUserId, "U0LEAD");
    }

    [TearDown]
    public async Task Stop()
    {
        await _slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Daily_AtItsTime_PostsOneDigestToTheTarget()
    {
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)); // Monday
        await using var app = Start(time);
        var commands = app.Services.GetRequiredService<DigestCommands>();

        var reply = await commands.HandleAsync(Parse("digest <#C0LEADS|team-leads> daily 09:00"), Invocation(), CancellationToken.None);
        Assert.That(reply.Text, Does.StartWith("Scheduled: digest to <#C0LEADS> daily 09:00 (UTC)"));

        await AdvanceUntilAsync(time, new DateTimeOffset(2026, 3, 2, 9, 0, 5, TimeSpan.Zero), () => DigestPosts().Count > 0);

        Assert.That(DigestPosts(), Has.Count.EqualTo(1));
        Assert.That(DigestPosts()[0].Args["text"]?.GetValue<string>(), Does.StartWith(DigestService.Title));
    }

    [Test]
    public async Task Schedule_SurvivesRestart_AndADigestMissedWhileDownIsPostedOnce()
    {
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)); // Monday
        var dbPath = Path.Combine(_folder, "normbot.db");
        await using (var first = Start(time, dbPath))
        {
            var reply = await first.Services.GetRequiredService<DigestCommands>().HandleAsync(
                Parse("digest <#C0LEADS|team-leads> daily 09:00 <#C0GENERAL|general>"), Invocation(), CancellationToken.None);
            Assert.That(reply.Text, Does.StartWith("Scheduled:"));
        }

        // Down from Monday 08:00 to Wednesday 10:00: three 09:00 firings missed.
        time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        await using var second = Start(time, dbPath);
        Assert.That(await Eventually.TrueAsync(() => DigestPosts().Count > 0, TimeSpan.FromSeconds(20)), Is.True, "the missed digest is posted on return");
        var lines = await second.Services.GetRequiredService<DigestCommands>().ScheduleLinesAsync(Team, CancellationToken.None);

        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.Contain("daily 09:00").And.Contain("<#C0GENERAL>").And.Contain("next <!date^" + new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()));

        // Wait for the job to finish before moving the clock: the Slack client's per-attempt timeout runs on the
        // fake clock too, and jumping it while chat.postMessage is in flight would make the client retry the post.
        var store = second.Services.GetRequiredService<DigestScheduleStore>();
        Assert.That(await Eventually.TrueAsync(async () => await store.LastPeriodEndAsync(Team, Leads, CancellationToken.None) is not null), Is.True);

        // Let the scheduler run a few more rounds of its loop without reaching Thursday 09:00, finishing each.
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await second.SettledAsync();
        }

        Assert.That(DigestPosts(), Has.Count.EqualTo(1), "missed three times, posted once");
    }

    [Test]
    public async Task Off_RemovesTheScheduleFromQuartzAndTheList()
    {
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var app = Start(time);
        var commands = app.Services.GetRequiredService<DigestCommands>();
        await commands.HandleAsync(Parse("digest <#C0LEADS|team-leads> weekly mon 09:00"), Invocation(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1)); // audit rows order by time
        var replaced = await commands.HandleAsync(Parse("digest <#C0LEADS|team-leads> cron \"0 30 16 ? * FRI\""), Invocation(), CancellationToken.None);
        Assert.That(replaced.Text, Does.Contain("replaces the previous schedule (weekly mon 09:00)"));
        Assert.That(await commands.ScheduleLinesAsync(Team, CancellationToken.None), Has.Count.EqualTo(1));

        time.Advance(TimeSpan.FromSeconds(1));
        var off = await commands.HandleAsync(Parse("digest <#C0LEADS|team-leads> off"), Invocation(), CancellationToken.None);

        Assert.That(off.Text, Is.EqualTo("Stopped the digest to <#C0LEADS>."));
        Assert.That(await commands.ScheduleLinesAsync(Team, CancellationToken.None), Is.Empty);
        // A connection beside the app's, not one of its own: holding one of those would make the app's next query wait.
        await using var connection = app.Database();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'digest'"), Is.Zero);
        var audit = await app.Services.GetRequiredService<AuditLog>().LatestAsync(Team, 10, CancellationToken.None);
        Assert.That(audit.Select(a => (a.Action, a.Scope, a.OldValue, a.NewValue)), Is.EqualTo(new[]
        {
            ("digest off", Leads, (string?)"cron \"0 30 16 ? * FRI\"", (string?)null),
            ("digest", Leads, "weekly mon 09:00", "cron \"0 30 16 ? * FRI\""),
            ("digest", Leads, null, "weekly mon 09:00"),
        }));
    }

    [Test]
    public async Task Now_PostsAtOnce_AndTheNextDigestStartsWhereItEnded()
    {
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        await using var app = Start(time);
        var commands = app.Services.GetRequiredService<DigestCommands>();

        var reply = await commands.HandleAsync(Parse("digest <#C0LEADS|team-leads> now"), Invocation(), CancellationToken.None);

        Assert.That(reply.Text, Is.EqualTo("Posted a digest to <#C0LEADS>."));
        Assert.That(DigestPosts(), Has.Count.EqualTo(1));
        var store = app.Services.GetRequiredService<DigestScheduleStore>();
        Assert.That(await store.LastPeriodEndAsync(Team, Leads, CancellationToken.None), Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public async Task Now_TargetWithoutTheBot_SaysHowToInviteIt()
    {
        _slack.Workspace.AddChannel("C0PRIVATE", "secret", "U0LEAD");
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        await using var app = Start(time);

        var reply = await app.Services.GetRequiredService<DigestCommands>().HandleAsync(
            Parse("digest <#C0PRIVATE|secret> now"), Invocation(), CancellationToken.None);

        Assert.That(reply.Text, Does.Contain("/invite @NormBot"));
    }

    [Test]
    public async Task Metrics_AfterAJobRan_ExposeRunsAndDuration()
    {
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var app = Start(time);
        var commands = app.Services.GetRequiredService<DigestCommands>();
        await commands.HandleAsync(Parse("digest <#C0LEADS|team-leads> daily 09:00"), Invocation(), CancellationToken.None);
        await AdvanceUntilAsync(time, new DateTimeOffset(2026, 3, 2, 9, 0, 5, TimeSpan.Zero), () => DigestPosts().Count > 0);

        var client = app.CreateClient();
        string metrics = "";
        Assert.That(await Eventually.TrueAsync(async () =>
        {
            metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            return metrics.Contains("normbot_job_runs_total{job=\"digest\"}", StringComparison.Ordinal);
        }), Is.True);
        Assert.That(metrics, Does.Contain("normbot_job_duration_seconds_count{job=\"digest\"}"));
        Assert.That(metrics, Does.Contain("normbot_job_runs_total{job=\"overdue-scan\"}"));
    }

    [Test]
    public async Task OverdueScan_RunsEveryConfiguredInterval()
    {
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var app = Start(time, settings: new() { ["Jobs:OverdueScanInterval"] = "00:00:10" });
        var client = app.CreateClient();
        var before = Metric(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "normbot_job_runs_total{job=\"overdue-scan\"}");

        for (var i = 0; i < 6; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await app.SettledAsync();
        }

        double after = 0;
        Assert.That(await Eventually.TrueAsync(async () =>
        {
            after = Metric(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "normbot_job_runs_total{job=\"overdue-scan\"}");
            return after - before >= 4;
        }), Is.True, $"runs went from {before} to {after} over six intervals");
        Assert.That(after - before, Is.LessThanOrEqualTo(7));
    }

    [Test]
    public async Task Metrics_AJobThatThrows_CountsAFailure()
    {
        // internal_error is retryable (the job fails and the next digest covers the period); a permanent refusal is not a
        // failure of the job but the end of the schedule.
        _slack.Inject("chat.postMessage", EmulatedFault.Error("internal_error"));
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var app = Start(time);
        var client = app.CreateClient();
        var before = Metric(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "normbot_job_failures_total{job=\"digest\"}");
        await app.Services.GetRequiredService<DigestCommands>().HandleAsync(Parse("digest <#C0LEADS|team-leads> daily 09:00"), Invocation(), CancellationToken.None);

        await AdvanceUntilAsync(time, new DateTimeOffset(2026, 3, 2, 9, 0, 5, TimeSpan.Zero), () => _slack.Calls.Any(c => c.Method == "chat.postMessage"));

        Assert.That(await Eventually.TrueAsync(async () =>
            Metric(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "normbot_job_failures_total{job=\"digest\"}") > before), Is.True);
    }

    [Test]
    public async Task TargetTheBotIsNotIn_ScheduleEndsAfterOneRefusal_AuditedAsSlack()
    {
        _slack.Workspace.AddChannel("C0NOBOT", "no-bot", "U0LEAD");
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var app = Start(time);
        var store = app.Services.GetRequiredService<DigestScheduleStore>();
        await app.Services.GetRequiredService<DigestCommands>().HandleAsync(Parse("digest <#C0NOBOT|no-bot> daily 09:00"), Invocation(), CancellationToken.None);

        await AdvanceUntilAsync(time, new DateTimeOffset(2026, 3, 2, 9, 0, 5, TimeSpan.Zero), () => _slack.Calls.Any(c => c.Method == "chat.postMessage"));
        Assert.That(await Eventually.TrueAsync(async () => await store.FindAsync(Team, "C0NOBOT", CancellationToken.None) is null), Is.True);
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();

        Assert.That(await scheduler.GetJobDetail(DigestJob.Key(Team, "C0NOBOT")), Is.Null, "no trigger left to try again tomorrow");
        Assert.That(_slack.Calls.Where(c => c.Method == "chat.postMessage"), Has.Exactly(1).Items);
        await using var connection = app.Database();
        Assert.That(await connection.QuerySingleAsync<string>("SELECT user_id FROM protocol_audit WHERE action = 'digest off'"), Is.EqualTo(DigestsOnLeaving.Slack));
    }

    private static double Metric(string metrics, string series) =>
        metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal)) is { } line
            ? double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private NormBotFactory Start(FakeTimeProvider time, string? dbPath = null, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = _slack.BotToken,
            ["Slack:AppToken"] = "",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
        })
        {
            settings[key] = value;
        }

        var app = new NormBotFactory(settings, time, databasePath: dbPath);
        _ = app.Server;
        return app;
    }

    private List<RecordedCall> DigestPosts() =>
        _slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Args["channel"]?.GetValue<string>() == Leads).ToList();

    // The scheduler waits on the fake clock: jump to half a minute before the due time (not later, or the trigger would
    // be left to the misfire handler), then move in steps and keep nudging it in small steps past the due time, since
    // its loop may be parked on a fake-clock wait. Small, because the Slack client's 30 s per-attempt timeout runs on
    // the same clock.
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, DateTimeOffset until, Func<bool> done)
    {
        var approach = until - TimeSpan.FromSeconds(35);
        if (time.GetUtcNow() < approach)
        {
            time.SetUtcNow(approach);
        }

        Assert.That(
            await Eventually.TrueAdvancingAsync(time, () => time.GetUtcNow() < until ? TimeSpan.FromSeconds(30) : TimeSpan.FromMilliseconds(200), done, TimeSpan.FromSeconds(30)),
            Is.True,
            "the scheduler fired in time");
    }

    private static NormsCommand Parse(string text) => NormsCommandParser.Parse(text) is NormsCommand command
        ? command
        : throw new AssertionException($"\"{text}\" did not parse");

    private static SlashCommand Invocation() => new(Team, Leads, "team-leads", "U0LEAD", "lead", "/norms", "digest", null, null);
}
