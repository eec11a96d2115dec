using NormBot.Slack.Quotes;
using NormBot.SlackEmulator;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Quotes;

/// <summary>PRODUCT §12 "Quoting is safe": every message that repeats a person's words pings nobody.</summary>
public sealed class QuotedMessagesTests : RulesTestBase
{
    private static readonly string Bob = $"@{SafeQuote.Joiner}bob";

    [Test]
    public async Task MovedCopy_WithBroadcastAndMention_NotifiesNobody()
    {
        const string text = "<!channel> outage: payments API returns 502, <@U0BOB> is looking <!subteam^S0ONCALL|@oncall>";
        var ts = Env.Slack.Workspace.AddMessage(TeamChat.General, TeamChat.Ana, text);
        await Chat.SendEventAsync(SlackPayloads.Message(TeamChat.General, TeamChat.Ana, text, ts));
        var nudge = await WaitForAsync("chat.postEphemeral");
        var post = nudge.Args["blocks"]!.AsArray().Last()!["elements"]![0]!;

        await Chat.PressAsync(TeamChat.Ana, post["action_id"]!.GetValue<string>(), post["value"]!.GetValue<string>(), TeamChat.General, "1795428000.000001", ephemeral: true);

        var copy = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents);
        AssertNoPing(copy);
        Assert.That(copy.Args.ToJsonString(), Does.Contain("payments API returns 502"));
        Assert.That(Quoted(copy), Does.Contain(Bob).And.Contain($"@{SafeQuote.Joiner}oncall"));
    }

    [Test]
    public async Task OverdueDmAndDigest_AskMentioningOthers_ShowNamesNotPings()
    {
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you send me last month's invoice export? <!here> <@U0LEAD> needs it too");

        await Chat.AdvanceAsync(TimeSpan.FromHours(4));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        await Chat.CommandAsync(TeamChat.Lead, $"digest <#{TeamChat.General}|general> now");
        var digest = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.General);

        Assert.That(Quoted(dm), Does.Contain(Bob).And.Contain($"@{SafeQuote.Joiner}lead").And.Not.Contain("<@U0BOB>").And.Not.Contain("<!here>"));
        Assert.That(Quoted(digest), Does.Contain($"{Bob} can you send me last month").And.Not.Contain("&lt;@"));
        AssertNoPing(digest);
    }

    [Test]
    public async Task Escalation_AskWithBroadcast_PostsNoBroadcast()
    {
        await Chat.CommandAsync(TeamChat.Lead, $"set escalate-to <#{TeamChat.Incidents}|incidents>");
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you approve the release notes for 4.2? <!everyone> is waiting on them");

        await Chat.AdvanceAsync(TimeSpan.FromHours(24.5)); // escalate-after 2x of 4h: 8h of working time, 10:00 the next day

        var escalation = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents);
        Assert.That(Quoted(escalation), Does.Contain("release notes").And.Not.Contain("<!everyone>").And.Not.Contain("<@U0BOB>"));
    }

    // The bot's own words may name the asker and the people waited on; the quoted blocks are the person's text.
    private static string Quoted(RecordedCall call) =>
        string.Join('\n', call.Args["blocks"]!.AsArray()
            .SelectMany(b => (b?["text"]?["text"]?.GetValue<string>() ?? "").Split('\n'))
            .Where(line => line.StartsWith("> ", StringComparison.Ordinal) || line.StartsWith('•')));

    private static void AssertNoPing(RecordedCall call)
    {
        var all = call.Args.ToJsonString();
        Assert.That(all, Does.Not.Contain("<!channel>").And.Not.Contain("<!here>").And.Not.Contain("<!everyone>").And.Not.Contain("<!subteam"));
    }
}
