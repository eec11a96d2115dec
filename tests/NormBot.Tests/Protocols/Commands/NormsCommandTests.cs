using NormBot.Protocols;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Commands;

/// <summary>help, show, set and unset end to end through POST /slack/command.</summary>
public sealed class NormsCommandTests
{
    private NormsTestApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await NormsTestApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Help_AnyUser_ListsEverySubcommandEphemerally()
    {
        var reply = await _app.SendAsync(Member, "help");

        Assert.That(reply.ResponseType, Is.EqualTo("ephemeral"));
        Assert.That(reply.Text, Does.Contain("/norms show").And.Contain("/norms set").And.Contain("/norms audit"));
    }

    [Test]
    public async Task Help_Subcommand_ShowsItsUsage()
    {
        var reply = await _app.SendAsync(Member, "help set");

        Assert.That(reply.Text, Does.StartWith("Usage: /norms set <key> <value> [#channel]").And.Contain("leaders only"));
    }

    [Test]
    public async Task Show_NothingSet_BuiltInDefaultsWithoutMarkers()
    {
        var reply = await _app.SendAsync(Member, "show");

        Assert.That(reply.ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("4h"));
        Assert.That(reply.ValueOf(ProtocolKeys.Hours), Is.EqualTo("09:00-17:00"));
        Assert.That(reply.ValueOf(ProtocolKeys.UrgentChannel), Is.EqualTo("none"));
        Assert.That(reply.Json.ToJsonString(), Does.Not.Contain("(channel)"));
        Assert.That(reply.Text, Does.Contain($"<#{General}>").And.Contain("No topic routes").And.Contain("No digests scheduled"));
    }

    [Test]
    public async Task Set_WorkspaceWide_ConfirmsOldToNewAndEveryChannelFollows()
    {
        var reply = await _app.SendAsync(Admin, "set response-time 2h");

        Assert.That(reply.Text, Is.EqualTo("Set response-time for the workspace (every channel without its own override): 4h → 2h"));
        Assert.That((await _app.SendAsync(Member, "show")).ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("2h"));
        Assert.That((await _app.SendAsync(Member, $"show <#{Support}|support>")).ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("2h"));
    }

    [Test]
    public async Task Set_ForOneChannel_OnlyThatChannelChangesAndIsMarked()
    {
        var reply = await _app.SendAsync(Admin, $"set response-time 30m <#{Support}|support>");

        Assert.That(reply.Text, Is.EqualTo($"Set response-time for <#{Support}>: 4h → 30m"));
        Assert.That((await _app.SendAsync(Member, $"show <#{Support}|support>")).ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("30m (channel)"));
        Assert.That((await _app.SendAsync(Member, "show")).ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("4h"));
    }

    [Test]
    public async Task Show_ChannelOverrideOnTopOfWorkspaceAndConfigDefaults_EachLayerResolves()
    {
        await using var app = await NormsTestApp.StartAsync(settings: new Dictionary<string, string?> { ["Norms:Defaults:min-words"] = "8" });
        await app.SendAsync(Admin, "set hours 08:00-16:00");
        await app.SendAsync(Admin, $"set hours always <#{Support}|support>");

        var support = await app.SendAsync(Member, "show", Support);
        var general = await app.SendAsync(Member, "show", General);

        Assert.That(support.ValueOf(ProtocolKeys.Hours), Is.EqualTo("always (channel)"));
        Assert.That(general.ValueOf(ProtocolKeys.Hours), Is.EqualTo("08:00-16:00"));
        Assert.That(support.ValueOf(ProtocolKeys.MinWords), Is.EqualTo("8"));
        Assert.That(general.ValueOf(ProtocolKeys.Days), Is.EqualTo("mon-fri"));
    }

    [Test]
    public async Task Show_InADirectMessage_ShowsTheWorkspaceNorms()
    {
        var reply = await _app.SendAsync(Member, "show", "D0MEMBER01");

        Assert.That(reply.Text, Does.StartWith("*Workspace norms"));
    }

    [Test]
    public async Task Unset_ChannelOverride_BackToTheWorkspaceValue()
    {
        await _app.SendAsync(Admin, $"set response-time 30m <#{Support}|support>");

        var reply = await _app.SendAsync(Admin, $"unset response-time <#{Support}|support>");

        Assert.That(reply.Text, Is.EqualTo($"Unset response-time for <#{Support}>: 30m → 4h (the workspace value)"));
        Assert.That((await _app.SendAsync(Member, "show", Support)).ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("4h"));
    }

    [Test]
    public async Task Unset_NothingSet_SaysSoAndRecordsNothing()
    {
        var reply = await _app.SendAsync(Admin, "unset hours");

        Assert.That(reply.Text, Does.Contain("Nothing changed"));
        Assert.That(await _app.AuditAsync(), Is.Empty);
    }

    [Test]
    public async Task Set_SameValueAgain_SaysSoAndRecordsOnce()
    {
        await _app.SendAsync(Admin, "set min-words 8");

        var again = await _app.SendAsync(Admin, "set min-words 8");

        Assert.That(again.Text, Is.EqualTo("min-words for the workspace already is 8. Nothing changed."));
        Assert.That(await _app.AuditAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Set_EscalateToAPerson_ShowReflectsIt()
    {
        var reply = await _app.SendAsync(Admin, $"set escalate-to <@{Admin}|ada> <#{Support}|support>");

        Assert.That(reply.Text, Does.EndWith($"none → <@{Admin}|ada>"));
        Assert.That((await _app.SendAsync(Member, "show", Support)).ValueOf(ProtocolKeys.EscalateTo), Is.EqualTo($"<@{Admin}|ada> (channel)"));
    }

    [Test]
    public async Task Set_HandTypedNameOfTheCurrentChannel_ResolvesToItsId()
    {
        var reply = await _app.SendAsync(Admin, "set tracking off #support", Support);

        Assert.That(reply.Text, Is.EqualTo($"Set tracking for <#{Support}>: on → off"));
    }
}
