using System.Globalization;
using NormBot.Protocols;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Commands;

/// <summary>
/// Hand-typed <c>@name</c> and <c>#name</c> in <c>/norms</c> are looked up with users.list and conversations.list (PRODUCT §13),
/// page by page, not only the caller's own name and the current channel.
/// </summary>
public sealed class NormsHandTypedNamesTests
{
    private NormsTestApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await NormsTestApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task LeadersAdd_HandTypedNameOnTheSecondPage_FoundThroughPaging()
    {
        for (var i = 0; i < 230; i++)
        {
            _app.Env.Slack.Workspace.AddUser(string.Create(CultureInfo.InvariantCulture, $"U1{i:D8}"), string.Create(CultureInfo.InvariantCulture, $"person{i}"));
        }

        var reply = await _app.SendAsync(Admin, "leaders add @person229");

        Assert.That(reply.Text, Does.StartWith("<@U100000229> is now a leader"));
        Assert.That(_app.Env.Slack.Calls.Count(c => c.Method == "users.list"), Is.GreaterThanOrEqualTo(2), "231+ users take two pages of 200");
    }

    [Test]
    public async Task Set_HandTypedChannelAndTarget_ResolvedToIds()
    {
        var scoped = await _app.SendAsync(Admin, "set response-time 2h #support");
        var target = await _app.SendAsync(Admin, "set escalate-to @lena");

        Assert.Multiple(async () =>
        {
            Assert.That(scoped.Text, Does.StartWith($"Set response-time for <#{Support}>"));
            Assert.That((await _app.SendAsync(Member, "show", Support)).ValueOf(ProtocolKeys.ResponseTime), Does.StartWith("2h"));
            Assert.That(target.Text, Does.Contain($"<@{ConfiguredLeader}|lena>"));
        });
    }

    [Test]
    public async Task Show_HandTypedChannelTheCallerIsNotIn_Found()
    {
        var reply = await _app.SendAsync(Member, "show #incidents");

        Assert.That(reply.Text, Does.Contain($"Norms in effect in <#{Incidents}>"));
    }

    [Test]
    public async Task LeadersAdd_NameOfTwoPeople_RefusedAsAmbiguous()
    {
        _app.Env.Slack.Workspace.AddUser("U0SAMONE1", "sam");
        _app.Env.Slack.Workspace.AddUser("U0SAMTWO1", "sam.two");
        _app.Env.Slack.Workspace.AddUser("U0SAMTHR1", "sam");

        var reply = await _app.SendAsync(Admin, "leaders add @sam");

        Assert.That(reply.Text, Does.StartWith("@sam matches 2 people").And.Contain("Nothing changed"));
        Assert.That(await _app.AuditAsync(), Is.Empty);
    }

    [TestCase("leaders add @jira")] // a bot
    [TestCase("leaders add @gone")] // deactivated
    [TestCase("show #secret")] // a private channel NormBot was not invited to
    public async Task Command_NameNormBotMustNotUse_NotFound(string text)
    {
        _app.Env.Slack.Workspace.AddUser("U0JIRABOT", "jira", isBot: true);
        _app.Env.Slack.Workspace.AddUser("U0GONE001", "gone", deleted: true);
        _app.Env.Slack.Workspace.AddChannel("G0SECRET1", "secret", Admin);

        var reply = await _app.SendAsync(Admin, text);

        Assert.That(reply.Text, Does.StartWith("I can't find"));
    }

    [Test]
    public async Task UsersList_Failing_FallsBackToTheCallersOwnName()
    {
        _app.Env.Slack.Inject("users.list", NormBot.SlackEmulator.EmulatedFault.Error("ratelimited"), times: 5);

        var self = await _app.SendAsync(Admin, "leaders add @ada");
        var other = await _app.SendAsync(Admin, "leaders add @meg");

        Assert.That(self.Text, Does.StartWith($"<@{Admin}> is now a leader"));
        Assert.That(other.Text, Does.StartWith("I can't find anyone called @meg"));
    }
}
