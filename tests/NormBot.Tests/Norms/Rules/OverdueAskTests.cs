using NormBot.Norms.Nudges;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

public sealed class OverdueAskTests : RulesTestBase
{
    private const string Ask = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task Ask_UnansweredPastResponseTime_AssigneeGetsOneDmWithButtons()
    {
        await Chat.SayAsync(TeamChat.Ana, Ask);

        await Chat.AdvanceAsync(TimeSpan.FromHours(3.5));
        Assert.That(Calls("chat.postMessage"), Is.Empty, "due after 4h of working time");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(40));

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(Arg(dm, "text"), Does.Contain($"<@{TeamChat.Ana}> asked you something in <#{TeamChat.General}> 4h").And.Contain("still waiting"));
        var buttons = dm.Args["blocks"]!.AsArray().Last()!["elements"]!.AsArray().Select(b => b!["text"]!["text"]!.GetValue<string>());
        Assert.That(buttons, Is.EqualTo(new[] { "Reply now", "Mark answered", "Snooze 1h", "Not for me", "Why?", "Not helpful" }));
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Has.Exactly(1).Items);
    }

    [Test]
    public async Task Ask_AnsweredInThreadByAssignee_NoDm()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(1));
        await Chat.SayAsync(TeamChat.Bob, "Looking now, will comment in the doc by 3pm.", threadTs: ts);

        await Chat.AdvanceAsync(TimeSpan.FromHours(9));

        Assert.That(Calls("chat.postMessage"), Is.Empty);
    }

    [Test]
    public async Task Ask_CheckmarkFromAsker_ClosesIt()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.SendEventAsync(SlackPayloads.Event("reaction_added.json", e =>
        {
            e["user"] = TeamChat.Ana;
            e["reaction"] = "white_check_mark";
            e["item"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "message", ["channel"] = TeamChat.General, ["ts"] = ts };
        }));

        await Chat.AdvanceAsync(TimeSpan.FromHours(9));

        Assert.That(Calls("chat.postMessage"), Is.Empty);
    }

    [Test]
    public async Task Ask_AfterHours_DmHeldUntilWorkingHoursBegin()
    {
        Env.Time.Advance(TimeSpan.FromHours(5.5)); // 15:30: due at 11:30 the next morning (1.5h today + 2.5h tomorrow)
        await Chat.SayAsync(TeamChat.Ana, Ask);

        await Chat.AdvanceAsync(TimeSpan.FromHours(17)); // Tuesday 08:30, before hours
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Empty);
        await Chat.AdvanceAsync(TimeSpan.FromHours(3.5)); // Tuesday 12:00

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(Arg(dm, "text"), Does.Contain("4h"));
    }

    [Test]
    public async Task Ask_PastEscalateAfter_EscalatedInThreadMentioningLeadersOnce()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        await Chat.AdvanceAsync(TimeSpan.FromHours(24)); // 4h working today, 4h more the next day = 2x

        var escalation = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.General);
        Assert.That(Arg(escalation, "thread_ts"), Is.EqualTo(ts));
        Assert.That(Arg(escalation, "text"), Does.Contain($"<@{TeamChat.Lead}>").And.Contain($"for <@{TeamChat.Bob}>"));
        await Chat.AdvanceAsync(TimeSpan.FromHours(5));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.General), Has.Exactly(1).Items);
    }

    [Test]
    public async Task MarkAnsweredButton_ClosesAskAndUpdatesDm()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        var dmChannel = dm.Response["channel"]!.GetValue<string>();
        var dmTs = dm.Response["ts"]!.GetValue<string>();

        await Chat.PressAsync(TeamChat.Bob, NudgeActions.MarkAnswered, $"{TeamChat.General}|{ts}", dmChannel, dmTs, ephemeral: false);

        var update = await WaitForAsync("chat.update");
        Assert.That((Arg(update, "channel"), Arg(update, "ts")), Is.EqualTo((dmChannel, dmTs)));
        Assert.That(Arg(update, "text"), Does.Contain("Marked answered"));
        await Chat.AdvanceAsync(TimeSpan.FromHours(24));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.General), Is.Empty, "answered asks are not escalated");
    }

    [Test]
    public async Task SnoozeButton_RemindsAgainAnHourLater()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);

        await Chat.PressAsync(TeamChat.Bob, NudgeActions.Snooze, $"{TeamChat.General}|{ts}", dm.Response["channel"]!.GetValue<string>(), dm.Response["ts"]!.GetValue<string>(), ephemeral: false);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Has.Exactly(1).Items);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(40));

        Assert.That(await Eventually.TrueAsync(() => Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob).Count() == 2), Is.True);
    }

    [Test]
    public async Task RestartBetweenAskAndDueTime_DmStillComesOnce()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "normbot-tests", $"restart-{Guid.NewGuid():N}.db");
        await Env.DisposeAsync();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Monday10);
        var first = await EmulatedSlackApp.StartAsync(settings: Settings, time: time, databasePath: databasePath);
        TeamChat.Seed(first);
        await new TeamChat(first).SayAsync(TeamChat.Ana, Ask);
        await first.StopAppAsync();

        time.Advance(TimeSpan.FromHours(5));
        var second = await EmulatedSlackApp.StartAsync(settings: Settings, time: time, databasePath: databasePath, reuseSlack: first.Slack);
        Env = second;
        var chat = new TeamChat(second);
        await chat.AdvanceAsync(TimeSpan.FromMinutes(2));

        await second.Slack.WaitForCallAsync("chat.postMessage", c => c.Args["channel"]?.ToString() == TeamChat.Bob);
        await chat.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.That(second.Slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Args["channel"]?.ToString() == TeamChat.Bob), Is.EqualTo(1));
    }
}
