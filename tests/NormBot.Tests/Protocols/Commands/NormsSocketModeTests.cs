using NormBot.Protocols;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Commands;

/// <summary>The same /norms over Socket Mode: the reply rides on the envelope's ack.</summary>
public sealed class NormsSocketModeTests
{
    private NormsTestApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await NormsTestApp.StartAsync(socketMode: true);

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task SetThenShow_OverSocketMode_ReplyOnTheAckReflectsTheChange()
    {
        var set = await _app.SendOverSocketAsync(Admin, $"set response-time 1h <#{Support}|support>");
        var show = await _app.SendOverSocketAsync(Member, "show", Support);

        Assert.That(set.ResponseType, Is.EqualTo("ephemeral"));
        Assert.That(set.Text, Is.EqualTo($"Set response-time for <#{Support}>: 4h → 1h"));
        Assert.That(show.ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("1h (channel)"));
    }

    [Test]
    public async Task Set_ByAMemberOverSocketMode_Refused()
    {
        var reply = await _app.SendOverSocketAsync(Member, "set tracking off");

        Assert.That(reply.Text, Does.StartWith("Only leaders can use `/norms set`"));
        Assert.That(await _app.AuditAsync(), Is.Empty);
    }

    [Test]
    public async Task Malformed_OverSocketMode_ExplainsItself()
    {
        var reply = await _app.SendOverSocketAsync(Admin, "set response-time banana");

        Assert.That(reply.Text, Does.StartWith("\"banana\" is not a duration").And.Contain("Usage: /norms set"));
    }

    [Test]
    public async Task Audit_OverSocketMode_ListsTheChange()
    {
        await _app.SendOverSocketAsync(ConfiguredLeader, "set nudge-limit 3");

        var reply = await _app.SendOverSocketAsync(ConfiguredLeader, "audit");

        Assert.That(reply.Text, Does.Contain($"<@{ConfiguredLeader}> set nudge-limit (workspace): (default) → 3"));
    }
}
