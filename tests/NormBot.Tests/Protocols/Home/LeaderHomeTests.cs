using System.Text.Json.Nodes;
using NormBot.Protocols.Home;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Protocols.Home;

/// <summary>Leaders' channel list in the Home tab: each channel's mode, a preview, and the switch to nudge after a trial week.</summary>
public sealed class LeaderHomeTests : RulesTestBase
{
    [Test]
    public async Task ObservingChannel_ShowsModeAndPreview_SwitchOnlyAfterAWeek()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set mode observe #general");

        var early = await Chat.OpenHomeAsync(TeamChat.Lead);
        Assert.That(Text(early), Does.Contain($"<#{TeamChat.General}> (*observing* for"));
        Assert.That(Labels(early), Does.Contain("Preview nudge mode").And.Not.Contain("Switch to nudge"));

        Env.Time.Advance(TimeSpan.FromDays(7.1));
        await SettleAsync();
        var later = await Chat.OpenHomeAsync(TeamChat.Lead);
        Assert.That(Labels(later), Does.Contain("Switch to nudge"));

        await Chat.PressInHomeAsync(TeamChat.Lead, LeaderHomeActions.SwitchToNudge, TeamChat.General);

        Assert.That(Text(Chat.LastHomeView(TeamChat.Lead)), Does.Contain($"<#{TeamChat.General}> (nudging)"));
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "show"), Does.Contain("mode: nudge (channel)"));
    }

    [Test]
    public async Task PreviewButton_DmsTheLeaderThePreview()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set mode observe #general");
        await Chat.SayAsync(TeamChat.Ana, "hi");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        await Chat.PressInHomeAsync(TeamChat.Lead, LeaderHomeActions.Preview, $"{TeamChat.General}|nudge");

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Lead);
        Assert.That(Arg(dm, "text"), Does.Contain("`mode` observe → nudge").And.Contain("missing context 0 → 1"));
    }

    [Test]
    public async Task MemberPressingSwitch_ChangesNothing()
    {
        await Chat.CommandAsync(TeamChat.Lead, "set mode observe #general");

        await Chat.PressInHomeAsync(TeamChat.Ana, LeaderHomeActions.SwitchToNudge, TeamChat.General);

        var refusal = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Ana);
        Assert.That(Arg(refusal, "text"), Does.Contain("Only leaders"));
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "show"), Does.Contain("mode: observe (channel)"));
    }

    private static string Text(JsonObject view) =>
        string.Join('\n', view["blocks"]!.AsArray().OfType<JsonObject>().Select(b => b["text"]?["text"]?.GetValue<string>()));

    private static IEnumerable<string> Labels(JsonObject view) =>
        view["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>()).Select(e => e["text"]!["text"]!.GetValue<string>());
}
