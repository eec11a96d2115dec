using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.People;

/// <summary>/norms my-hours and hours slack (PRODUCT §14): a person's own hours move their clocks and their DMs.</summary>
public sealed class MyHoursTests : PeopleTimeTestBase
{
    [Test]
    public async Task MyHoursAfterTheAsk_MovesTheDmToTheirHours()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask); // Monday 10:00: due 14:00 on the channel's 09:00-17:00

        var reply = await Chat.CommandAsync(TeamChat.Bob, "my-hours 13:00-21:00");

        Assert.That(reply, Does.Contain("Your working hours are now 13:00-21:00 mon-fri (UTC)"));
        Assert.That(await DueAtAsync(ts), Is.EqualTo(Monday10.AddHours(7)), "his clock starts at 13:00: due 17:00");
        await JumpToAsync(Monday10.AddHours(6.5));
        Assert.That(DmsTo(TeamChat.Bob), Is.Empty, "not at 14:00 any more");
        await JumpToAsync(Monday10.AddHours(7.2));
        Assert.That(await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Not.Null);
    }

    [Test]
    public async Task MyHoursInAHalfHourZone_CountsInThatZone()
    {
        await Chat.CommandAsync(TeamChat.Bob, "my-hours 09:00-17:00 mon-thu Asia/Kolkata");

        var ts = await Chat.SayAsync(TeamChat.Ana, Ask); // Monday 15:30 in Kolkata

        Assert.That(await DueAtAsync(ts), Is.EqualTo(Local("2026-11-24 11:30", "Asia/Kolkata")), "1h30 Monday, 2h30 Tuesday, his time");
        Assert.That(await Chat.CommandAsync(TeamChat.Bob, "my-hours"), Does.Contain("You work on 09:00-17:00 mon-thu (Asia/Kolkata)"));
    }

    [Test]
    public async Task MyHoursOff_BackToTheChannelsHours()
    {
        await Chat.CommandAsync(TeamChat.Bob, "my-hours 13:00-21:00");
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        var off = await Chat.CommandAsync(TeamChat.Bob, "my-hours off");

        Assert.That(off, Does.Contain("Your own hours are cleared").And.Contain("09:00-17:00 mon-fri (UTC)"));
        Assert.That(await DueAtAsync(ts), Is.EqualTo(Monday10.AddHours(4)));
        Assert.That(await Chat.CommandAsync(TeamChat.Bob, "my-hours off"), Does.Contain("You have no hours of your own").And.Contain("Nothing changed."));
    }

    [Test]
    public async Task MyHoursMalformed_ClearErrorAndUsage()
    {
        var reply = await Chat.CommandAsync(TeamChat.Bob, "my-hours 21:00-05:00");

        Assert.That(reply, Does.Contain("overnight hours are not supported").And.Contain("Nothing changed.").And.Contain("Usage: /norms my-hours"));
    }

    [Test]
    public async Task HoursSlack_HoursFromTheNotificationSchedule()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set hours slack");
        Env.Slack.Workspace.SetNotificationSchedule(TeamChat.Bob, new TimeOnly(12, 0), new TimeOnly(20, 0));

        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        var other = await Chat.SayAsync(TeamChat.Bob, "<@U0ANA> could you send me the vendor contract draft before Wednesday? https://docs.example/vendor");

        Assert.That(await DueAtAsync(ts), Is.EqualTo(Monday10.AddHours(6)), "notified from 12:00: due 16:00");
        Assert.That(await DueAtAsync(other, TeamChat.Ana), Is.EqualTo(Monday10.AddHours(4)), "ana has no schedule in Slack: the 09:00-17:00 fallback");
        Assert.That(Calls("dnd.info", c => Arg(c, "user") == TeamChat.Bob), Has.Exactly(1).Items);
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> and could you also look at the retry budget numbers? https://docs.example/budget");
        Assert.That(Calls("dnd.info", c => Arg(c, "user") == TeamChat.Bob), Has.Exactly(1).Items, "cached for a day");
    }
}
