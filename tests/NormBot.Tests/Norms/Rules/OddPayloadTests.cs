using System.Text.Json.Nodes;
using Dapper;
using NormBot.Slack;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

/// <summary>PRODUCT §12 "Odd but real payloads" and "Slack Connect", through the front door.</summary>
public sealed class OddPayloadTests : RulesTestBase
{
    private const string Shared = "C0SHARED1";
    private const string Outsider = "U07GLBXJN5";
    private const string OtherOrg = "T07GLOBEX1";

    [Test]
    public async Task EventTimeAsAString_MessageIsStillReadAndBecomesAnAsk()
    {
        var body = Retarget("message.channels.event_time_string.json", TeamChat.General, TeamChat.Ana, "<@U0BOB> could you review the retry change in PR 412 before Friday?");

        await Chat.SendEventAsync(body);

        Assert.That(await AsksAsync(), Has.Exactly(1).Items);
        Assert.That(Errors(), Is.Empty);
    }

    [Test]
    public async Task UnknownSubtypeWithoutOptionalFields_ProcessedWithoutError()
    {
        await Chat.SendEventAsync(Retarget("message.channels.unknown_subtype.json", TeamChat.General, TeamChat.Ana, null));
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you check the huddle notes before standup tomorrow?");

        Assert.That(await AsksAsync(), Has.Exactly(1).Items, "the unknown subtype is no ask; the next message still is");
        Assert.That(Errors(), Is.Empty);
    }

    [Test]
    public async Task MessageDeliveredTwoDaysAfterItsTs_RecordedWithoutNudgesOrAbsurdWaits()
    {
        var ts = SlackTs.FromInstant(Env.Time.GetUtcNow().AddDays(-2));
        Env.Slack.Workspace.AddMessage(TeamChat.General, TeamChat.Ana, "urgent: <@U0BOB> can you restart the payments worker?");
        await Chat.SendEventAsync(SlackPayloads.Message(TeamChat.General, TeamChat.Ana, "urgent: <@U0BOB> can you restart the payments worker?", ts));

        Assert.That(await AsksAsync(), Is.EqualTo(new[] { ts }), "recorded");
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));

        Assert.That(Calls("chat.postEphemeral"), Is.Empty, "no misroute or context tip about a two-day-old message");
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(Arg(dm, "text"), Does.Contain(" 4h of working time ago"), "the clock started on delivery, not two days back");
    }

    [Test]
    public async Task OutsiderAskInSlackConnectChannel_TrackedQuietly_EscalatedByDmNotInTheSharedChannel()
    {
        SeedSharedChannel();

        await Chat.SendEventAsync(FromOutsider("<@U0BOB> can you confirm the SSO migration window for our tenant before Monday?"));
        Assert.That(await AsksAsync(), Has.Exactly(1).Items, "external-asks is on by default");
        await Chat.AdvanceAsync(TimeSpan.FromHours(24.5)); // reminder at 4h, escalation at 8h of working time

        var escalation = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Lead);
        Assert.That(Arg(escalation, "text"), Does.Contain("has waited 8h"));
        Assert.That(Arg(escalation, "blocks"), Does.Contain("shared with another organisation"));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == Shared), Is.Empty, "Globex never reads about the ask");
        Assert.That(Calls("chat.postEphemeral"), Is.Empty, "no tips or notes to the other organisation");
    }

    [Test]
    public async Task OutsiderAsk_ExternalAsksOff_NotTracked()
    {
        SeedSharedChannel();
        await Chat.CommandAsync(TeamChat.Lead, $"set external-asks off <#{Shared}|acme-globex>");

        await Chat.SendEventAsync(FromOutsider("<@U0BOB> can you confirm the SSO migration window for our tenant before Monday?"));
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you send Globex the migration runbook today?", Shared);

        Assert.That(await AsksAsync(), Has.Exactly(1).Items, "our own member's ask in the shared channel is still tracked");
    }

    private void SeedSharedChannel()
    {
        Env.Slack.Workspace.AddUser(Outsider, "jun", "Asia/Tokyo");
        Env.Slack.Workspace.AddChannel(Shared, "acme-globex", Env.Slack.BotUserId, TeamChat.Ana, TeamChat.Bob, TeamChat.Lead, Outsider);
        Env.Slack.Workspace.ShareExternally(Shared);
    }

    private JsonObject FromOutsider(string text)
    {
        var body = Retarget("message.channels.slack_connect_external.json", Shared, Outsider, text);
        Assert.That(body["event"]!["team"]!.GetValue<string>(), Is.EqualTo(OtherOrg));
        return body;
    }

    // The fixture as the emulator's workspace would get it now: only channel, author, text and ts change.
    private JsonObject Retarget(string fixture, string channel, string user, string? text)
    {
        var body = SlackPayloads.Event(fixture);
        var e = body["event"]!.AsObject();
        e["channel"] = channel;
        e["user"] = user;
        if (text is not null)
        {
            e["text"] = text;
            e.Remove("blocks");
        }

        var ts = Env.Slack.Workspace.AddMessage(channel, user, text ?? e["text"]!.GetValue<string>());
        e["ts"] = ts;
        e["event_ts"] = ts;
        return body;
    }

    private async Task<IReadOnlyList<string>> AsksAsync()
    {
        await using var connection = Env.App.Database();
        return (await connection.QueryAsync<string>("SELECT ts FROM asks")).ToList();
    }

    private IEnumerable<string> Errors() => Env.App.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal));
}
