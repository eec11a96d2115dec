using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Digests;

/// <summary><c>digest … live</c> (PRODUCT §16): one message per schedule, updated in place; a deleted one is replaced once.</summary>
public sealed class LiveDigestTests : RulesTestBase
{
    [Test]
    public async Task LiveDaily_SecondFiringUpdatesTheFirstMessage()
    {
        var reply = await Chat.CommandAsync(TeamChat.Lead, "digest #incidents daily 11:00 #general live");
        Assert.That(reply, Does.Contain("live (one message, updated in place)"));

        await Chat.AdvanceAsync(TimeSpan.FromHours(1.1));
        var first = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents);
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout");
        await Chat.AdvanceAsync(TimeSpan.FromHours(24));

        var update = await WaitForAsync("chat.update", c => Arg(c, "channel") == TeamChat.Incidents);
        Assert.That(Arg(update, "ts"), Is.EqualTo(first.Response["ts"]!.GetValue<string>()));
        Assert.That(update.Args["blocks"]!.ToJsonString(), Does.Contain("Updated Tue 24 Nov 11:").And.Contain("(UTC); this message is updated in place"));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents), Has.Exactly(1).Items);
        var message = Env.Slack.Workspace.FindMessage(TeamChat.Incidents, Arg(update, "ts"))!;
        Assert.That(message["blocks"]!.ToJsonString(), Does.Contain("Asks opened"), "the one message now shows the new period");
    }

    [Test]
    public async Task LiveDigest_MessageDeleted_PostsANewOneAndKeepsThat()
    {
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents daily 09:00 #general live");
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents now", TeamChat.Incidents);
        var first = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents);

        Env.Slack.Workspace.DeleteMessage(TeamChat.Incidents, first.Response["ts"]!.GetValue<string>());
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(5));
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents now", TeamChat.Incidents);
        var second = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents && c != first);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(5));
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents now", TeamChat.Incidents);

        var update = await WaitForAsync("chat.update", c => Arg(c, "ts") == second.Response["ts"]!.GetValue<string>());
        Assert.That(Calls("chat.update", c => Arg(c, "ts") == first.Response["ts"]!.GetValue<string>()), Has.Exactly(1).Items, "one try at the deleted message");
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents), Has.Exactly(2).Items);
        Assert.That(update.Response["ok"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task NotLive_EachDigestIsANewMessage()
    {
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents daily 09:00 #general");
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents now", TeamChat.Incidents);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(5));
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents now", TeamChat.Incidents);

        await Chat.PumpUntilAsync(() => Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents).Count() == 2);
        Assert.That(Calls("chat.update"), Is.Empty);
    }

    [TestCase("digest #incidents now live")]
    [TestCase("digest #incidents off live")]
    public async Task Live_WithoutASchedule_IsRefused(string command)
    {
        var reply = await Chat.CommandAsync(TeamChat.Lead, command);

        Assert.That(reply, Does.Contain("\"live\" goes with a schedule"));
    }
}
