using Dapper;
using NormBot.Norms.Feedback;
using NormBot.Norms.Nudges;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Nudges;

/// <summary>PRODUCT §12 "Buttons act only for their owner": the person the nudge was for, or a leader.</summary>
public sealed class NudgeOwnersTests : RulesTestBase
{
    private const string Ask = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task MarkAnswered_PressedBySomeoneElse_ChangesNothingAndSaysItIsNotTheirs()
    {
        var (ts, dm) = await OverdueDmToBobAsync();

        await Chat.PressAsync(TeamChat.Ana, NudgeActions.MarkAnswered, NudgeActions.Value(TeamChat.General, ts), dm.Channel, dm.Ts, ephemeral: false);

        var answer = await WaitForAsync("response_url");
        Assert.That(Arg(answer, "text"), Is.EqualTo(NudgeOwners.NotYours));
        Assert.That(Arg(answer, "response_type"), Is.EqualTo("ephemeral"));
        Assert.That(await AskStateAsync(ts), Is.EqualTo("open"));
        Assert.That(Calls("chat.update"), Is.Empty, "Bob's reminder is left as it was");
    }

    [Test]
    public async Task MarkAnswered_PressedByTheAssignee_ClosesTheAsk()
    {
        var (ts, dm) = await OverdueDmToBobAsync();

        await Chat.PressAsync(TeamChat.Bob, NudgeActions.MarkAnswered, NudgeActions.Value(TeamChat.General, ts), dm.Channel, dm.Ts, ephemeral: false);

        await WaitForAsync("chat.update", c => Arg(c, "text").Contains("Marked answered", StringComparison.Ordinal));
        Assert.That(await AskStateAsync(ts), Is.EqualTo("answered"));
    }

    [Test]
    public async Task WhyAndNotHelpful_PressedByAStranger_AnswerNotYours_LeaderMayAsk()
    {
        var (ts, dm) = await OverdueDmToBobAsync();

        await Chat.PressAsync(TeamChat.Ana, NudgeFeedback.NotHelpful, NudgeActions.Value(Nudge.Overdue, TeamChat.General, ts), dm.Channel, dm.Ts, ephemeral: false);
        Assert.That(Arg(await WaitForAsync("response_url"), "text"), Is.EqualTo(NudgeOwners.NotYours));
        await using (var connection = Env.App.Database())
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM nudges WHERE outcome = 'not_helpful'"), Is.Zero);
        }

        await Chat.PressAsync(TeamChat.Lead, NudgeFeedback.Why, NudgeActions.Value(Nudge.Overdue, TeamChat.General, ts), dm.Channel, dm.Ts, ephemeral: false);
        var why = await WaitForAsync("response_url", c => Arg(c, "text") != NudgeOwners.NotYours);
        Assert.That(Arg(why, "text"), Does.Contain("response-time"), "a leader may ask why anyone was reminded");
    }

    [Test]
    public async Task PostItButton_PressedBySomeoneElse_PostsNothing()
    {
        const string text = "outage: payments API returns 502 since 10:02 https://status.example/p";
        var ts = Env.Slack.Workspace.AddMessage(TeamChat.General, TeamChat.Ana, text);
        await Chat.SendEventAsync(SlackPayloads.Message(TeamChat.General, TeamChat.Ana, text, ts));
        var post = (await WaitForAsync("chat.postEphemeral")).Args["blocks"]!.AsArray().Last()!["elements"]![0]!;

        await Chat.PressAsync(TeamChat.Bob, post["action_id"]!.GetValue<string>(), post["value"]!.GetValue<string>(), TeamChat.General, "1795428000.000001", ephemeral: true);

        Assert.That(Arg(await WaitForAsync("response_url"), "text"), Is.EqualTo(NudgeOwners.NotYours));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents), Is.Empty);
    }

    private async Task<(string Ts, (string Channel, string Ts) Dm)> OverdueDmToBobAsync()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        return (ts, (dm.Response["channel"]!.GetValue<string>(), dm.Response["ts"]!.GetValue<string>()));
    }

    private async Task<string> AskStateAsync(string ts)
    {
        await using var connection = Env.App.Database();
        return await connection.ExecuteScalarAsync<string>("SELECT state FROM asks WHERE ts = @Ts", new { Ts = ts }) ?? "";
    }
}
