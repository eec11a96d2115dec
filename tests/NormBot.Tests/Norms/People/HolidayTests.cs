using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.People;

/// <summary>Holidays (PRODUCT §14): leaders add them for the workspace or a channel; every clock in their scope pauses.</summary>
public sealed class HolidayTests : PeopleTimeTestBase
{
    // Friday 20 November 2026, 15:00 UTC.
    private static readonly DateTimeOffset Friday15 = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    protected override DateTimeOffset StartAt => Friday15;

    [Test]
    public async Task ChannelHolidayAddedAfterTheAsk_PausesEveryClockThereAndOnlyThere()
    {
        var inGeneral = await Chat.SayAsync(TeamChat.Ana, Ask);
        var inIncidents = await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> could you check why the nightly export job failed? https://ci.example/run/88", TeamChat.Incidents);
        await Chat.SayAsync(TeamChat.Lead, "<@U0ANA> can you share the Q4 hiring plan before Tuesday? https://docs.example/hiring");

        var reply = await Chat.CommandAsync(TeamChat.Lead, $"holiday add 2026-11-23 \"Team day\" <#{TeamChat.General}|general>");

        Assert.That(reply, Does.Contain($"Holiday added for <#{TeamChat.General}>: Mon 23 Nov 2026 Team day"));
        Assert.That(await DueAtAsync(inGeneral), Is.EqualTo(Friday15.AddDays(4).AddHours(-4)), "2h on Friday, 2h on Tuesday: Tuesday 11:00");
        Assert.That(await DueAtAsync(inIncidents), Is.EqualTo(Friday15.AddDays(3).AddHours(-4)), "#incidents keeps its Monday: 11:00");

        await JumpToAsync(Friday15.AddDays(3).AddHours(-3)); // Monday 12:00
        Assert.That(DmsTo(TeamChat.Bob).Select(c => Arg(c, "text")), Has.Exactly(1).Items.And.All.Contain($"<#{TeamChat.Incidents}>"));
        Assert.That(DmsTo(TeamChat.Ana), Is.Empty, "the lead's ask to ana in #general waits too");

        await JumpToAsync(Friday15.AddDays(4).AddHours(-3.8)); // Tuesday 11:12
        Assert.That(await Eventually.TrueAsync(() => DmsTo(TeamChat.Bob).Count() == 2 && DmsTo(TeamChat.Ana).Count() == 1), Is.True);
    }

    [Test]
    public async Task WorkspaceHoliday_EveryonesClockPauses_AndListedAuditedRemovable()
    {
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "holiday add 2026-11-23 2026-11-24 Founders days"), Does.Contain("for the workspace: Mon 23 Nov – Tue 24 Nov 2026 Founders days"));
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        Assert.That(await DueAtAsync(ts), Is.EqualTo(Friday15.AddDays(5).AddHours(-4)), "2h Friday, Wednesday 09:00-11:00");
        Assert.That(await Chat.CommandAsync(TeamChat.Bob, "holidays"), Does.Contain("Mon 23 Nov – Tue 24 Nov 2026 Founders days"));
        Assert.That(await Chat.CommandAsync(TeamChat.Bob, "holiday add 2026-12-24"), Does.StartWith("Only leaders can use `/norms holiday`"));
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "audit 1"), Does.Contain($"<@{TeamChat.Lead}> holiday 2026-11-23 (workspace): (none) → Mon 23 Nov – Tue 24 Nov 2026 Founders days"));

        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "holiday remove 2026-11-24"), Does.Contain("Removed from the workspace: Mon 23 Nov – Tue 24 Nov 2026 Founders days"));
        Assert.That(await DueAtAsync(ts), Is.EqualTo(Friday15.AddDays(3).AddHours(-4)), "back to Monday 11:00");
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "holiday remove 2026-11-24"), Does.Contain("has no holiday on Tue 24 Nov 2026. Nothing changed."));
    }

    [Test]
    public async Task HolidayInSomeonesOwnCalendar_CountsTheirLocalDay()
    {
        // Bob in Kolkata (UTC+5:30): Monday 23 November there runs from Sunday 18:30 to Monday 18:30 UTC.
        Env.Slack.Workspace.AddUser(TeamChat.Bob, "bob", "Asia/Kolkata");
        await Chat.CommandAsync(TeamChat.Lead, "holiday add 2026-11-23");

        var ts = await Chat.SayAsync(TeamChat.Ana, Ask); // Friday 20:30 in Kolkata, after hours

        Assert.That(await DueAtAsync(ts), Is.EqualTo(Local("2026-11-24 13:00", "Asia/Kolkata")), "Tuesday 09:00 + 4h, his time");
        var line = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        Assert.That(Arg(line, "text"), Does.Contain($"<@{TeamChat.Bob}> is off work until"), "Friday evening there: off, and Monday is a holiday");
    }

    [Test]
    public async Task ReplyAfterAHoliday_StatsCountItInWorkingTime()
    {
        await Chat.CommandAsync(TeamChat.Lead, "holiday add 2026-11-23 \"Team day\"");
        Env.Time.Advance(TimeSpan.FromHours(1)); // Friday 16:00
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await JumpToAsync(Friday15.AddDays(4).AddHours(-5)); // Tuesday 10:00, after the Monday holiday

        await Chat.SayAsync(TeamChat.Bob, "Reviewed, two comments in the doc.", threadTs: ts);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(1));
        var stats = await Chat.CommandAsync(TeamChat.Ana, "stats");

        Assert.That(stats, Does.Contain("1 answered").And.Contain("100% within response time").And.Contain("median first reply 2h"), "1h on Friday, 1h on Tuesday");
    }
}
