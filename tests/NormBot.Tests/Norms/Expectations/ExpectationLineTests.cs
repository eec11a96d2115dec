using NormBot.Tests.Norms.People;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Expectations;

/// <summary>The line an asker gets at ask time when nobody asked can answer soon (PRODUCT §14).</summary>
public sealed class ExpectationLineTests : PeopleTimeTestBase
{
    [Test]
    public async Task AssigneeAway_AskerToldOncePerAssigneeADay()
    {
        await Chat.CommandAsync(TeamChat.Bob, "away 3d");

        await Chat.SayAsync(TeamChat.Ana, Ask);
        var second = await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> also, could you check the retry budget numbers? https://docs.example/budget");
        await Chat.SayAsync(TeamChat.Lead, "<@U0BOB> could you send me the vendor contract draft? https://docs.example/vendor");

        Assert.That(await DueAtAsync(second), Is.Not.Null, "the second ask was recorded");
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.That(Lines(TeamChat.Ana), Has.Exactly(1).Items, "once a day for ana and bob");
        Assert.That(Lines(TeamChat.Lead), Has.Exactly(1).Items, "the lead is another asker");

        await JumpToAsync(Monday10.AddDays(1).AddMinutes(5));
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> one more: can you approve the staging budget? https://docs.example/staging");

        Assert.That(await Eventually.TrueAsync(() => Lines(TeamChat.Ana).Count() == 2), Is.True, "a day later she is told again");
    }

    [Test]
    public async Task AssigneeOffWork_LineSaysWhenInTheAskersOwnTime()
    {
        Env.Slack.Workspace.AddUser(TeamChat.Bob, "bob", "Asia/Kolkata");
        Env.Slack.Workspace.AddUser(TeamChat.Ana, "ana", "America/New_York");
        await Chat.AdvanceAsync(TimeSpan.FromHours(4)); // Monday 14:00 UTC: 19:30 for bob, 09:00 for ana

        await Chat.SayAsync(TeamChat.Ana, Ask);

        var line = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        var back = Local("2026-11-24 09:00", "Asia/Kolkata");
        Assert.That(Arg(line, "channel"), Is.EqualTo(TeamChat.General));
        Assert.That(Arg(line, "text"), Does.Contain($"<@{TeamChat.Bob}> is off work until <!date^{back.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|Mon 23 Nov 22:30>")
            .And.Contain("Expect a reply by <!date^").And.Contain("|Tue 24 Nov 02:30>. Times are in your time zone."));
    }

    [Test]
    public async Task OneAssigneeAtWork_NoLine()
    {
        Env.Slack.Workspace.AddUser(TeamChat.Bob, "bob", "Asia/Kolkata");
        await Chat.AdvanceAsync(TimeSpan.FromHours(4)); // 19:30 for bob, 14:00 for the lead

        var ts = await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> <@U0LEAD> can you agree on the rollout date for the billing retry? https://docs.example/rollout");

        Assert.That(await DueAtAsync(ts, TeamChat.Lead), Is.Not.Null, "the ask was recorded");
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.That(Lines(TeamChat.Ana), Is.Empty);
    }

    [Test]
    public async Task ExpectationsOff_NoLine()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set expectations off");
        await Chat.CommandAsync(TeamChat.Bob, "away 3d");

        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        Assert.That(await DueAtAsync(ts), Is.Not.Null, "the ask was recorded");
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.That(Lines(TeamChat.Ana), Is.Empty);
    }

    private IEnumerable<NormBot.SlackEmulator.RecordedCall> Lines(string asker) =>
        Calls("chat.postEphemeral", c => Arg(c, "user") == asker && Arg(c, "text").Contains("Heads-up", StringComparison.Ordinal));
}
