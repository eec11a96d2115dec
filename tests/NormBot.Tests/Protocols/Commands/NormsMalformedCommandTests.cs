using NormBot.Protocols;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Commands;

/// <summary>A malformed command gets one line of what is wrong plus its usage, and changes nothing (PRODUCT §7).</summary>
public sealed class NormsMalformedCommandTests
{
    private NormsTestApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await NormsTestApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase("set response-time banana", "\"banana\" is not a duration", "Usage: /norms set")]
    [TestCase("set reponse-time 2h", "is not a protocol key. Did you mean \"response-time\"?", "Usage: /norms set")]
    [TestCase("set hours", "hours needs a value", "Usage: /norms set")]
    [TestCase("set urgent-channel <#C0INCIDENT|incidents> <#C0SUPPORT1|support>", "urgent-channel is workspace-wide", "Usage: /norms set")]
    [TestCase("unset urgent-keywords <#C0SUPPORT1|support>", "urgent-keywords is workspace-wide", "Usage: /norms unset")]
    [TestCase("route billing keywords: invoice", "needs a channel", "Usage: /norms route")]
    [TestCase("show nowhere", "is not a channel", "Usage: /norms show")]
    [TestCase("leaders add", "say who to add", "Usage: /norms leaders")]
    [TestCase("audit lots", "is not a number of entries", "Usage: /norms audit")]
    [TestCase("frobnicate", "is not a /norms subcommand", "Usage: /norms <subcommand>")]
    public async Task Command_Malformed_OneLineAndUsageAndNothingChanged(string text, string problem, string usage)
    {
        var reply = await _app.SendAsync(Admin, text);
        var lines = reply.Text.Split('\n');

        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.Contain(problem).IgnoreCase.And.EndWith("Nothing changed."));
        Assert.That(lines[1], Does.StartWith(usage));
        Assert.That(await _app.AuditAsync(), Is.Empty);
    }

    [TestCase("set response-time 2h #nowhere")] // a name Slack did not turn into a link: not a channel it knows
    [TestCase("set escalate-to @nobody")]
    [TestCase("leaders add @nobody")]
    public async Task Command_UnresolvableHandTypedName_RefusedClearlyAndNothingChanged(string text)
    {
        var reply = await _app.SendAsync(Admin, text);

        Assert.That(reply.Text, Does.StartWith("I can't find").And.Contain("Nothing changed"));
        Assert.That(await _app.AuditAsync(), Is.Empty);
    }

    [Test]
    public async Task Set_Banana_ShowIsUnchanged()
    {
        await _app.SendAsync(Admin, "set response-time banana");

        Assert.That((await _app.SendAsync(Member, "show")).ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("4h"));
    }
}
