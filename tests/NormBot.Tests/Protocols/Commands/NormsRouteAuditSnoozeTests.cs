using NormBot.Protocols;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Commands;

/// <summary>route, unroute, audit, snooze and the subcommands handed to the digest feature, through POST /slack/command.</summary>
public sealed class NormsRouteAuditSnoozeTests
{
    private NormsTestApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await NormsTestApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Route_ThenUnroute_ShowListsThenDropsTheRoute()
    {
        var routed = await _app.SendAsync(Admin, $"route billing <#{Support}|support> keywords: invoice, refund");
        var shown = await _app.SendAsync(Member, "show");
        var removed = await _app.SendAsync(Admin, "unroute billing");
        var after = await _app.SendAsync(Member, "show");

        Assert.That(routed.Text, Is.EqualTo($"Route billing: messages mentioning invoice, refund belong in <#{Support}> (new route)"));
        Assert.That(shown.Text, Does.Contain($"billing → <#{Support}>: invoice, refund"));
        Assert.That(removed.Text, Does.StartWith("Removed route billing"));
        Assert.That(after.Text, Does.Contain("No topic routes"));
    }

    [Test]
    public async Task Unroute_UnknownTopic_NamesTheRoutesAndChangesNothing()
    {
        var reply = await _app.SendAsync(Admin, "unroute billing");

        Assert.That(reply.Text, Is.EqualTo("There is no route called billing; there are no routes yet. Nothing changed."));
    }

    [Test]
    public async Task Audit_AfterChanges_WhoWhenKeyScopeOldNewNewestFirst()
    {
        await _app.SendAsync(Admin, "set response-time 2h");
        _app.Env.Time.Advance(TimeSpan.FromMinutes(1));
        await _app.SendAsync(ConfiguredLeader, $"set response-time 30m <#{Support}|support>");
        _app.Env.Time.Advance(TimeSpan.FromMinutes(1));

        var reply = await _app.SendAsync(Admin, "audit");
        var lines = reply.Text.Split('\n');

        Assert.That(lines[0], Does.StartWith("*Last 2 changes*"));
        Assert.That(lines[1], Does.Contain($"<@{ConfiguredLeader}> set response-time (<#{Support}>): (workspace value) → 30m"));
        Assert.That(lines[2], Does.Contain($"<@{Admin}> set response-time (workspace): (default) → 2h"));
        Assert.That(lines[2], Does.Contain(_app.Env.Time.GetUtcNow().AddMinutes(-2).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Audit_WithCount_ShowsOnlyThatMany()
    {
        foreach (var hours in new[] { "1h", "2h", "3h" })
        {
            await _app.SendAsync(Admin, $"set response-time {hours}");
            _app.Env.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var reply = await _app.SendAsync(Admin, "audit 1");

        Assert.That(reply.Text.Split('\n'), Has.Length.EqualTo(2));
        Assert.That(reply.Text, Does.Contain("2h → 3h"));
    }

    [Test]
    public async Task Snooze_ThenOff_StoresThePauseInClockTimeThenClearsIt()
    {
        var snoozed = await _app.SendAsync(Member, "snooze 1d");
        var until = await _app.Service<SnoozeStore>().UntilAsync(Team, Member, CancellationToken.None);
        var resumed = await _app.SendAsync(Member, "snooze off");

        Assert.That(snoozed.Text, Does.StartWith("Your nudges are paused for 1d of clock time (a day here is 24 hours)"));
        Assert.That(until, Is.EqualTo(_app.Env.Time.GetUtcNow().AddDays(1)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(resumed.Text, Is.EqualTo("Snooze off: your nudges are back on."));
        Assert.That(await _app.Service<SnoozeStore>().UntilAsync(Team, Member, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Stats_Member_HandedToTheDigestFeatureNotRefused()
    {
        var reply = await _app.SendAsync(Member, "stats 30d");

        Assert.That(reply.Text, Does.Not.Contain("Only leaders"));
        Assert.That(reply.Text, Is.Not.Empty);
    }

    [Test]
    public async Task Digest_Leader_HandedToTheDigestFeature()
    {
        var reply = await _app.SendAsync(ConfiguredLeader, $"digest <#{General}|general> daily 09:00");

        Assert.That(reply.Text, Does.Not.Contain("Only leaders").And.Not.Contain("Usage"));
    }
}
