using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.People;

/// <summary>An away Slack status across a daylight-saving change, with half-hour zones on both sides (PRODUCT §14).</summary>
public sealed class AwayStatusFrontDoorTests : PeopleTimeTestBase
{
    private const string Adelaide = "Australia/Adelaide"; // UTC+9:30, UTC+10:30 from Sunday 4 October 2026
    private const string Kolkata = "Asia/Kolkata"; // UTC+5:30

    // Friday 2 October 2026, 11:00 in Adelaide.
    protected override DateTimeOffset StartAt => Local("2026-10-02 11:00", Adelaide);

    [Test]
    public async Task PalmTreeUntilMonday_NoDmBeforeMonday0900TheirTime_DueFourHoursAfter()
    {
        Env.Slack.Workspace.AddUser(TeamChat.Bob, "bob", Adelaide);
        Env.Slack.Workspace.AddUser(TeamChat.Ana, "ana", Kolkata);
        Env.Slack.Workspace.SetStatus(TeamChat.Bob, ":palm_tree:", "Vacation", Local("2026-10-05 00:00", Adelaide));

        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        // Back Monday 09:00 in Adelaide, after the clocks sprang forward: 4h of his working time later is 13:00 there.
        Assert.That(await DueAtAsync(ts), Is.EqualTo(Local("2026-10-05 13:00", Adelaide)));
        var line = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        Assert.That(Arg(line, "text"), Does.Contain($"<@{TeamChat.Bob}> is away (:palm_tree: Vacation) until <!date^{Local("2026-10-05 09:00", Adelaide).ToUnixTimeSeconds()}^")
            .And.Contain("|Mon 5 Oct 04:00>").And.Contain("Expect a reply by").And.Contain("|Mon 5 Oct 08:00>. Times are in your time zone."), "in ana's Kolkata time");

        await JumpToAsync(Local("2026-10-05 08:55", Adelaide));
        Assert.That(DmsTo(TeamChat.Bob), Is.Empty, "no reminder while he is away, nor before his Monday starts");
        await JumpToAsync(Local("2026-10-05 13:05", Adelaide));

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(Arg(dm, "text"), Does.Contain("4h").And.Contain("of working time ago"));
    }
}
