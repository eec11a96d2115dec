using Dapper;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

/// <summary>PRODUCT §13 through the front door: which messages become asks, and of whom.</summary>
public sealed class AskDetectionTests : RulesTestBase
{
    private const string Review = "can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task ThanksAndFyi_NeverRemind_WhileARealAskInTheSameHourDoes()
    {
        var thanks = await Chat.SayAsync(TeamChat.Ana, $"thanks <@{TeamChat.Bob}> for the quick fix on the export! :pray:");
        var fyi = await Chat.SayAsync(TeamChat.Ana, $"FYI <@{TeamChat.Bob}> the API key rotation is scheduled for Friday 10:00");
        await Chat.SayAsync(TeamChat.Bob, $"<@{TeamChat.Ana}> {Review}");
        Assert.That(AsksRecorded(thanks, fyi), Is.Zero, "processed, and neither is an ask");

        await Chat.AdvanceAsync(TimeSpan.FromHours(9));

        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Ana);
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Empty);
    }

    [Test]
    public async Task ThanksThenARequest_RemindsOnlyThePersonAsked()
    {
        await Chat.SayAsync(TeamChat.Ana, $"thanks <@{TeamChat.Lead}>! <@{TeamChat.Bob}> {Review}");

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));

        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Lead), Is.Empty);
    }

    [Test]
    public async Task QuestionInAThreadToAMentionedPerson_IsAnAskInThatThread()
    {
        var parent = await Chat.SayAsync(TeamChat.Ana, "Release notes for 2.4 are drafted in https://docs.example/notes/2.4");
        var question = await Chat.SayAsync(TeamChat.Ana, $"<@{TeamChat.Bob}> could you confirm the numbers in the second table?", threadTs: parent);
        var chatter = await Chat.SayAsync(TeamChat.Lead, "is that the same table as last release?", threadTs: parent);

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(Arg(dm, "text"), Does.Contain($"<@{TeamChat.Ana}> asked you something"));
        Assert.That(AsksRecorded(question), Is.EqualTo(1));
        Assert.That(AsksRecorded(chatter), Is.Zero, "a thread question naming nobody is conversation");
    }

    [Test]
    public async Task EditThatTurnsAPingIntoAnAsk_OpensTheAskFromTheEdit()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, $"<@{TeamChat.Bob}>");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(30));
        await Chat.SendEventAsync(SlackPayloads.Event("message.channels.message_changed.json", e =>
        {
            e["channel"] = TeamChat.General;
            var editTs = NormBot.Slack.SlackTs.FromInstant(Env.Time.GetUtcNow());
            e["ts"] = editTs;
            e["event_ts"] = editTs;
            e["message"]!["ts"] = ts;
            e["message"]!["thread_ts"] = ts;
            e["message"]!["user"] = TeamChat.Ana;
            e["message"]!["text"] = $"<@{TeamChat.Bob}> {Review}";
        }));
        Assert.That(AsksRecorded(ts), Is.EqualTo(1));

        await Chat.AdvanceAsync(TimeSpan.FromHours(3.75)); // 4h15m after the ping
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob), Is.Empty, "due 4h after the edit, not after the ping");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(20));

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(Arg(dm, "text"), Does.Match(@"4h( \dm)? of working time ago"), "waited from the edit (from the ping it would be 4h 35m)");
    }

    [Test]
    public async Task AskToABotOrADeactivatedColleague_NobodyIsRemindedTheAskerHearsOfTheLatter()
    {
        Env.Slack.Workspace.AddUser("U0JIRABOT", "jira", isBot: true);
        Env.Slack.Workspace.AddUser("U0GONE001", "gone", deleted: true);
        var toBot = await Chat.SayAsync(TeamChat.Ana, "<@U0JIRABOT> can you create a ticket for the flaky checkout test?");
        var toGone = await Chat.SayAsync(TeamChat.Ana, "<@U0GONE001> can you send me the Terraform state for the old VPC?");
        Assert.That(AsksRecorded(toBot), Is.Zero, "an order to a bot is not an ask of people");

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));

        var note = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        Assert.That(Arg(note, "text"), Does.Contain("Nobody has picked up your question"));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") is "U0JIRABOT" or "U0GONE001"), Is.Empty);
        Assert.That(AsksRecorded(toGone), Is.EqualTo(1));
    }

    [Test]
    public async Task HereAsk_WaitsOnAnyoneAndRemindsNobody()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, "<!here> can someone with prod access restart the search indexer? It's stuck at 43% since 9:00");

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));

        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel").StartsWith('U')), Is.Empty);
        await using var connection = Env.App.Database();
        Assert.That(connection.ExecuteScalar<string>("SELECT user_id FROM ask_assignees WHERE ts = @ts", new { ts }), Is.EqualTo("*"));
    }

    private int AsksRecorded(params string[] ts)
    {
        using var connection = Env.App.Database();
        return ts.Sum(t => connection.ExecuteScalar<int>("SELECT COUNT(*) FROM asks WHERE ts = @t", new { t }));
    }
}
