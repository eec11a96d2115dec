using System.Text.Json.Nodes;
using NormBot.Norms.Nudges;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Protocols.Home;

/// <summary>The Home tab's "waits on you" carries the reminder DM's buttons, and they act as the DM's do (PRODUCT §16).</summary>
public sealed class HomeActionsTests : RulesTestBase
{
    private const string Ask = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task WaitsOnYou_HasReplyNowMarkAnsweredSnoozeNotForMe()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        var home = await Chat.OpenHomeAsync(TeamChat.Bob);

        var buttons = Buttons(home).ToList();
        Assert.That(buttons.Select(b => b["text"]!["text"]!.GetValue<string>()), Is.EqualTo(new[] { "Reply now", "Mark answered", "Snooze 1h", "Not for me" }));
        Assert.That(buttons[0]["url"]!.GetValue<string>(), Does.Contain($"channel={TeamChat.General}&message_ts={ts}"));
        Assert.That(buttons[1]["value"]!.GetValue<string>(), Is.EqualTo($"{TeamChat.General}|{ts}"));
    }

    [Test]
    public async Task MarkAnsweredInHome_ClosesTheAsk_NoReminderLater_HomeRepublished()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.OpenHomeAsync(TeamChat.Bob);

        await Chat.PressInHomeAsync(TeamChat.Bob, NudgeActions.MarkAnswered, $"{TeamChat.General}|{ts}");

        Assert.That(Text(Chat.LastHomeView(TeamChat.Bob)), Does.Contain("Nothing is waiting on you"));
        await Chat.AdvanceAsync(TimeSpan.FromHours(5));
        await Chat.OpenHomeAsync(TeamChat.Ana);
        Assert.That(Text(Chat.LastHomeView(TeamChat.Ana)), Does.Contain("None of your asks is waiting"), "the ask is answered for the asker too");
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Empty, "no reminder for an answered ask");
    }

    [Test]
    public async Task SnoozeInHome_ReminderComesAnHourAfterTheDueTime()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(3.5));

        await Chat.PressInHomeAsync(TeamChat.Bob, NudgeActions.Snooze, $"{TeamChat.General}|{ts}");
        await Chat.AdvanceAsync(TimeSpan.FromHours(0.75)); // past the 4h due time, inside the snooze
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Empty);
        await Chat.AdvanceAsync(TimeSpan.FromHours(0.5));

        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
    }

    [Test]
    public async Task NotForMeInHome_NoReminder_AskLeavesBobsHome()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        await Chat.PressInHomeAsync(TeamChat.Bob, NudgeActions.NotForMe, $"{TeamChat.General}|{ts}");
        await Chat.AdvanceAsync(TimeSpan.FromHours(5));

        Assert.That(Text(Chat.LastHomeView(TeamChat.Bob)), Does.Contain("Nothing is waiting on you"));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Empty);
    }

    private static IEnumerable<JsonObject> Buttons(JsonObject view) =>
        view["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>());

    private static string Text(JsonObject view) => view["blocks"]!.ToJsonString();
}
