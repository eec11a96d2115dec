using NormBot.Protocols;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols;

/// <summary>Leaders are admins/owners (users.info), Norms:Leaders and added leaders; everyone else is refused (PRODUCT §7).</summary>
public sealed class NormsPermissionTests
{
    private NormsTestApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await NormsTestApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase(Admin)]
    [TestCase(Owner)]
    [TestCase(ConfiguredLeader)]
    public async Task Set_ByALeader_Applies(string user)
    {
        var reply = await _app.SendAsync(user, "set days mon-sun");

        Assert.That(reply.Text, Does.StartWith("Set days for the workspace"));
        Assert.That((await _app.SendAsync(Member, "show")).ValueOf(ProtocolKeys.Days), Is.EqualTo("mon-sun"));
    }

    [Test]
    public async Task Set_ByAnAdmin_AskedSlackOnceAndCachedForTheNextCommand()
    {
        await _app.SendAsync(Admin, "set days mon-sun");
        await _app.SendAsync(Admin, "set hours always");

        var calls = _app.Env.Slack.Calls.Where(c => c.Method == "users.info").ToList();
        Assert.That(calls, Has.Count.EqualTo(1));
        Assert.That(calls[0].Args["user"]!.GetValue<string>(), Is.EqualTo(Admin));
    }

    [Test]
    public async Task Set_ByAnAdminAfterTheCacheExpires_AsksSlackAgain()
    {
        await _app.SendAsync(Admin, "set days mon-sun");
        _app.Env.Time.Advance(TimeSpan.FromMinutes(6));
        await _app.SendAsync(Admin, "set hours always");

        Assert.That(_app.CallCount("users.info"), Is.EqualTo(2));
    }

    [Test]
    public async Task Set_ByAMember_RefusedNamingWhoCanAndNothingChanged()
    {
        var reply = await _app.SendAsync(Member, "set response-time 1h");

        Assert.That(reply.Text, Is.EqualTo($"Only leaders can use `/norms set`: workspace admins and owners, and <@{ConfiguredLeader}>. Ask one of them. Nothing changed."));
        Assert.That(await _app.AuditAsync(), Is.Empty);
        Assert.That((await _app.SendAsync(Member, "show")).ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("4h"));
    }

    [TestCase("unset hours")]
    [TestCase("route billing <#C0SUPPORT1|support> keywords: invoice")]
    [TestCase("unroute billing")]
    [TestCase("leaders add <@U0MEMBER01|mo>")]
    [TestCase("leaders list")]
    [TestCase("audit")]
    [TestCase("digest <#C0123GENRL|general> off")]
    public async Task LeaderSubcommand_ByAMember_Refused(string text)
    {
        var reply = await _app.SendAsync(Member, text);

        Assert.That(reply.Text, Does.StartWith("Only leaders can use"));
        Assert.That(await _app.AuditAsync(), Is.Empty);
    }

    [TestCase("help")]
    [TestCase("show")]
    [TestCase("snooze 2h")]
    [TestCase("stats")]
    public async Task EverydaySubcommand_ByAMember_Answered(string text)
    {
        var reply = await _app.SendAsync(Member, text);

        Assert.That(reply.Text, Does.Not.StartWith("Only leaders"));
    }

    [Test]
    public async Task LeadersAdd_ThenTheMemberMaySet_UntilRemoved()
    {
        var added = await _app.SendAsync(Admin, $"leaders add <@{Member}|mo>");
        var set = await _app.SendAsync(Member, "set min-words 4");
        var listed = await _app.SendAsync(Member, "leaders list");
        var removed = await _app.SendAsync(Admin, $"leaders remove <@{Member}|mo>");
        var refused = await _app.SendAsync(Member, "set min-words 5");

        Assert.That(added.Text, Does.StartWith($"<@{Member}> is now a leader"));
        Assert.That(set.Text, Does.StartWith("Set min-words"));
        Assert.That(listed.Text, Does.Contain($"Added with /norms leaders add: <@{Member}>").And.Contain($"Configured (Norms:Leaders): <@{ConfiguredLeader}>"));
        Assert.That(removed.Text, Does.StartWith($"<@{Member}> is no longer an added leader"));
        Assert.That(refused.Text, Does.StartWith("Only leaders"));
        var audit = await _app.AuditAsync();
        Assert.That(audit.Select(a => a.Action), Is.EquivalentTo(new[] { "leaders add", "set", "leaders remove" }));
    }

    [Test]
    public async Task LeadersAdd_Twice_SecondTimeChangesNothing()
    {
        await _app.SendAsync(Admin, $"leaders add <@{Member}|mo>");

        var again = await _app.SendAsync(Admin, $"leaders add <@{Member}|mo>");

        Assert.That(again.Text, Is.EqualTo($"<@{Member}> already is a leader. Nothing changed."));
        Assert.That(await _app.AuditAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task LeadersRemove_AConfiguredLeader_SaysTheyStayALeader()
    {
        var reply = await _app.SendAsync(Admin, $"leaders remove <@{ConfiguredLeader}|lena>");

        Assert.That(reply.Text, Does.Contain("was not an added leader").And.Contain("They stay a leader through the Norms:Leaders setting."));
    }

    [Test]
    public async Task AnyCommand_UsersInfoFails_TreatedAsNotALeader()
    {
        var reply = await _app.SendAsync("U0UNKNOWN1", "set hours always");

        Assert.That(reply.Text, Does.StartWith("Only leaders"));
        Assert.That(await _app.AuditAsync(), Is.Empty);
    }
}
