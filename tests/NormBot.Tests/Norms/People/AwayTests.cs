using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.People;

/// <summary>Away time (PRODUCT §14) through the front door: a Slack status, a user_change event, /norms away and back.</summary>
public sealed class AwayTests : PeopleTimeTestBase
{
    [Test]
    public async Task StatusSetThenClearedByUserChange_ClockPausesOnlyMeanwhile()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask); // Monday 10:00, due 14:00
        await Chat.AdvanceAsync(TimeSpan.FromHours(1));

        Env.Slack.Workspace.SetStatus(TeamChat.Bob, ":face_with_thermometer:", "Out sick");
        await Chat.SendEventAsync(Env.Slack.UserChangeEvent(TeamChat.Bob));
        Assert.That(await DueAtAsync(ts), Is.Null, "away until the status changes: the clock waits");

        await JumpToAsync(Monday10.AddDays(1).AddHours(-1)); // Tuesday 09:00
        Assert.That(DmsTo(TeamChat.Bob), Is.Empty, "not reminded at Monday 14:00 while off sick");
        Env.Slack.Workspace.SetStatus(TeamChat.Bob, "", "");
        await Chat.SendEventAsync(Env.Slack.UserChangeEvent(TeamChat.Bob));

        // 1h on Monday before he fell ill, 3h from Tuesday 09:00.
        Assert.That(await DueAtAsync(ts), Is.EqualTo(Monday10.AddDays(1).AddHours(2)));
        await JumpToAsync(Monday10.AddDays(1).AddHours(1.8));
        Assert.That(DmsTo(TeamChat.Bob), Is.Empty);
        await JumpToAsync(Monday10.AddDays(1).AddHours(2.2));
        Assert.That(await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Not.Null);
    }

    [Test]
    public async Task NormsAwayThenBack_AskersTold_ClockResumesWhenBack()
    {
        var away = await Chat.CommandAsync(TeamChat.Bob, "away 2026-11-26 \"team offsite\"");
        Assert.That(away, Does.Contain("You're away until").And.Contain("2026-11-26 00:00 UTC"));

        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        var line = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        Assert.That(Arg(line, "text"), Does.Contain($"<@{TeamChat.Bob}> is away (team offsite) until").And.Contain("2026-11-26 09:00 UTC"));
        Assert.That(await DueAtAsync(ts), Is.EqualTo(Monday10.AddDays(3).AddHours(3)), "Thursday 13:00");

        await JumpToAsync(Monday10.AddDays(1).AddHours(-1)); // Tuesday 09:00
        Assert.That(await Chat.CommandAsync(TeamChat.Bob, "back"), Does.Contain("Welcome back"));
        Assert.That(await DueAtAsync(ts), Is.EqualTo(Monday10.AddDays(1).AddHours(3)), "Tuesday 13:00");
        await JumpToAsync(Monday10.AddDays(1).AddHours(3.2));

        Assert.That(await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Not.Null);
        Assert.That(await Chat.CommandAsync(TeamChat.Bob, "back"), Does.Contain("You weren't away; nothing changed."));
    }

    [Test]
    public async Task NormsAway_DateInThePast_RefusedAndNothingChanged()
    {
        var reply = await Chat.CommandAsync(TeamChat.Bob, "away 2026-11-01");

        Assert.That(reply, Does.Contain("has passed").And.Contain("Nothing changed.").And.Contain("Usage: /norms away"));
        Assert.That(await Chat.CommandAsync(TeamChat.Bob, "back"), Does.Contain("You weren't away"));
    }
}
