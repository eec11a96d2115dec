using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Protocols.Card;

/// <summary>The norms card (PRODUCT §16): one ephemeral card per person and channel on joining; <c>/norms show</c> shows the same.</summary>
public sealed class NormsCardTests : RulesTestBase
{
    private const string Newcomer = "U0NEWBIE";

    [Test]
    public async Task Join_SendsOneCard_SecondJoinNone()
    {
        Env.Slack.Workspace.AddUser(Newcomer, "newbie", "UTC");

        await JoinAsync(Newcomer, TeamChat.General);
        var card = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == Newcomer);
        await JoinAsync(Newcomer, TeamChat.General);
        await JoinAsync(TeamChat.Bob, TeamChat.General); // proves the second join was processed: Bob's card comes after it
        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Bob);

        Assert.That(Arg(card, "channel"), Is.EqualTo(TeamChat.General));
        Assert.That(Arg(card, "text"), Does.Contain($"How we work in <#{TeamChat.General}>")
            .And.Contain("within *4h* of working time (09:00-17:00, mon-fri, UTC")
            .And.Contain($"urgent topics go to <#{TeamChat.Incidents}>")
            .And.Contain("/norms snooze 1d")
            .And.Contain($"<@{TeamChat.Lead}>"));
        Assert.That(Calls("chat.postEphemeral", c => Arg(c, "user") == Newcomer), Has.Exactly(1).Items);
    }

    [Test]
    public async Task Join_WelcomeOffOrTrackingOff_NoCard()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set welcome off #general");
        await Chat.CommandAsync(TeamChat.Lead, "set tracking off #incidents");

        await JoinAsync(TeamChat.Ana, TeamChat.General);
        await JoinAsync(TeamChat.Ana, TeamChat.Incidents);
        await Chat.CommandAsync(TeamChat.Lead, "set welcome on #general");
        await JoinAsync(TeamChat.Bob, TeamChat.General);
        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Bob);

        Assert.That(Calls("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana), Is.Empty);
    }

    [Test]
    public async Task BotJoining_GetsNoCard()
    {
        await JoinAsync(Env.Slack.BotUserId, TeamChat.General);
        await JoinAsync(TeamChat.Bob, TeamChat.General);
        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Bob);

        Assert.That(Calls("chat.postEphemeral", c => Arg(c, "user") == Env.Slack.BotUserId), Is.Empty);
    }

    [Test]
    public async Task NormsShow_StartsWithTheSameCard()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set response-time 2h #general");
        await JoinAsync(TeamChat.Ana, TeamChat.General);
        var card = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);

        var show = await Chat.CommandAsync(TeamChat.Ana, "show");

        Assert.That(show, Does.StartWith(Arg(card, "text")));
        Assert.That(show, Does.Contain("within *2h*").And.Contain("response-time: 2h (channel)"));
    }

    [Test]
    public async Task JoinDeliveredTwoDaysLate_NoCard()
    {
        Env.Slack.Workspace.AddUser(Newcomer, "newbie", "UTC");

        await JoinAsync(Newcomer, TeamChat.General, late: TimeSpan.FromDays(2));
        await JoinAsync(TeamChat.Bob, TeamChat.General); // proves the late join was processed: Bob's card comes after it
        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Bob);

        Assert.That(Calls("chat.postEphemeral", c => Arg(c, "user") == Newcomer), Is.Empty);
    }

    private Task JoinAsync(string user, string channel, TimeSpan late = default)
    {
        var join = SlackPayloads.Event("member_joined_channel.json", e =>
        {
            e["user"] = user;
            e["channel"] = channel;
            e["channel_type"] = "C";
            e["team"] = EmulatedSlackApp.TeamId;
        });
        join["event_time"] = (Clock.GetUtcNow() - late).ToUnixTimeSeconds();
        return Chat.SendEventAsync(join);
    }
}
