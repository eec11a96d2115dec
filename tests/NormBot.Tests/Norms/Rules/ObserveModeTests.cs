using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

/// <summary><c>mode observe</c> (PRODUCT §16): the rules run and record what they would have sent; nobody gets a message.</summary>
public sealed class ObserveModeTests : RulesTestBase
{
    private const string Ask = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task BareHi_InObserveMode_NothingSentButStatsCountIt()
    {
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "set mode observe #general"), Does.Contain("mode"));

        await Chat.SayAsync(TeamChat.Ana, "hi");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));
        await Chat.SayAsync(TeamChat.Lead, "URGENT: checkout is down for EU customers since 09:40 https://grafana.example/d/checkout");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        var stats = await Chat.CommandAsync(TeamChat.Lead, "stats");
        Assert.That(stats, Does.Contain($"missing context in <#{TeamChat.General}>: 0 nudges, 0 not helpful (0%); 1 would have nudged (observe mode)"));
        Assert.That(stats, Does.Contain($"misrouted topic in <#{TeamChat.General}>: 0 nudges, 0 not helpful (0%); 1 would have nudged (observe mode)"));
        Assert.That(Calls("chat.postEphemeral"), Is.Empty, "observe mode sends nothing to people");
    }

    [Test]
    public async Task OverdueAsk_InObserveMode_NoReminderNoEscalation_DigestShowsWouldHaveNudged()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set mode observe #general");
        await Chat.SayAsync(TeamChat.Ana, Ask);

        await Chat.AdvanceAsync(TimeSpan.FromHours(25));
        await Chat.CommandAsync(TeamChat.Lead, "digest #incidents now #general", TeamChat.Incidents);
        var digest = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents);

        Assert.That(digest.Args["blocks"]!.ToJsonString(), Does.Contain("would have nudged (observe mode)"));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") != TeamChat.Incidents), Is.Empty, "no reminder DM, no escalation");
        var stats = await Chat.CommandAsync(TeamChat.Lead, "stats");
        Assert.That(stats, Does.Contain("overdue reminder").And.Contain("escalation"));
    }

    [Test]
    public async Task BackToNudgeMode_TheNextBareHiIsNudged()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set mode observe #general");
        await Chat.CommandAsync(TeamChat.Lead, "set mode nudge #general");

        await Chat.SayAsync(TeamChat.Ana, "hi");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        var nudge = await WaitForAsync("chat.postEphemeral");
        Assert.That(Arg(nudge, "user"), Is.EqualTo(TeamChat.Ana));
    }
}
