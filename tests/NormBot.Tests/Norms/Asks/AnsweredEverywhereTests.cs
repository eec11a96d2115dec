using NormBot.Norms.Nudges;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Asks;

/// <summary>
/// Answered is answered everywhere (PRODUCT §13): answering edits every reminder DM and escalation in place, and
/// taking the closing ✅ back reopens the ask.
/// </summary>
public sealed class AnsweredEverywhereTests : RulesTestBase
{
    private const string Ask = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task ThreadReplyAfterReminderAndEscalation_BothEditedInPlaceWithWhoAndALink()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(24));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        var escalation = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.General);

        var reply = await Chat.SayAsync(TeamChat.Bob, "Reviewed, two comments in the doc, otherwise good to go.", threadTs: ts);

        foreach (var post in new[] { dm, escalation })
        {
            var (channel, postTs) = (post.Response["channel"]!.GetValue<string>(), post.Response["ts"]!.GetValue<string>());
            var edit = await WaitForAsync("chat.update", c => Arg(c, "channel") == channel && Arg(c, "ts") == postTs);
            Assert.That(Arg(edit, "text"), Does.Contain($"Answered: <@{TeamChat.Bob}> replied"));
            Assert.That(edit.Args["blocks"]!.ToJsonString(), Does.Contain($"p{reply.Replace(".", "", StringComparison.Ordinal)}").And.Contain("See the reply"));
            Assert.That(Env.Slack.Workspace.FindMessage(channel, postTs)!["text"]!.GetValue<string>(), Does.StartWith(":white_check_mark: Answered"));
        }
    }

    [Test]
    public async Task MarkAnsweredOnTheDm_EditsTheEscalationToo()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(24));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        var escalation = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.General);

        await Chat.PressAsync(TeamChat.Bob, NudgeActions.MarkAnswered, NudgeActions.Value(TeamChat.General, ts), dm.Response["channel"]!.GetValue<string>(), dm.Response["ts"]!.GetValue<string>(), ephemeral: false);

        var edit = await WaitForAsync("chat.update", c => Arg(c, "ts") == escalation.Response["ts"]!.GetValue<string>());
        Assert.That(Arg(edit, "text"), Does.Contain($"<@{TeamChat.Bob}> marked it answered"));
        Assert.That(Calls("chat.update", c => Arg(c, "ts") == dm.Response["ts"]!.GetValue<string>()).Select(c => Arg(c, "text")), Is.EqualTo(new[] { ":white_check_mark: Marked answered. Thanks!" }));
    }

    [Test]
    public async Task CheckmarkTakenBack_ReopensTheAskAndTheReminderComes()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.ReactAsync(TeamChat.Ana, "white_check_mark", TeamChat.General, ts);
        await Chat.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.That(AskState(ts), Is.EqualTo("answered"));

        await Chat.ReactAsync(TeamChat.Ana, "white_check_mark", TeamChat.General, ts, removed: true);

        Assert.That(AskState(ts), Is.EqualTo("open"));
        await Chat.AdvanceAsync(TimeSpan.FromHours(3.2));
        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
    }

    [Test]
    public async Task CheckmarkTakenBackBySomeoneWhoseCheckmarkDidNotAnswer_StaysAnswered()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.SayAsync(TeamChat.Bob, "Done, approved with one comment.", threadTs: ts);

        await Chat.ReactAsync(TeamChat.Lead, "white_check_mark", TeamChat.General, ts, removed: true);
        await Chat.ReactAsync(TeamChat.Ana, "eyes", TeamChat.General, ts, removed: true);

        Assert.That(AskState(ts), Is.EqualTo("answered"));
    }

    [Test]
    public async Task ReopenAfterTheReminderWasEdited_EditsItAgainToSayItWaits()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        await Chat.ReactAsync(TeamChat.Bob, "white_check_mark", TeamChat.General, ts);
        await WaitForAsync("chat.update", c => Arg(c, "text").Contains("Answered", StringComparison.Ordinal));

        await Chat.ReactAsync(TeamChat.Bob, "white_check_mark", TeamChat.General, ts, removed: true);

        var reopened = await WaitForAsync("chat.update", c => Arg(c, "text").Contains("Open again", StringComparison.Ordinal));
        Assert.That(Arg(reopened, "ts"), Is.EqualTo(dm.Response["ts"]!.GetValue<string>()));
        Assert.That(Arg(reopened, "text"), Does.Contain($"<@{TeamChat.Bob}> took back the :white_check_mark:"));
    }

    private string AskState(string ts)
    {
        using var connection = Env.App.Database();
        return Dapper.SqlMapper.ExecuteScalar<string>(connection, "SELECT state FROM asks WHERE ts = @ts", new { ts })!;
    }
}
