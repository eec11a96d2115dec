using Dapper;
using NormBot.SlackEmulator;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Outbox;

/// <summary>PRODUCT §12: what Slack did not take is retried and kept; what may have landed is not sent twice.</summary>
public sealed class OutboxFailureTests : RulesTestBase
{
    private const string Greeting = "hi <@U0BOB>";

    [Test]
    public async Task Ephemeral500Twice_NudgeDeliveredOnce()
    {
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.ServerError(500), times: 2);
        await Chat.SayAsync(TeamChat.Ana, Greeting);

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        await Chat.PumpUntilAsync(() => Delivered("chat.postEphemeral") == 1);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(30));

        Assert.That(Calls("chat.postEphemeral").Select(c => c.StatusCode), Is.EqualTo(new[] { 500, 500, 200 }));
        Assert.That(Arg(Calls("chat.postEphemeral").Last(), "user"), Is.EqualTo(TeamChat.Ana));
        Assert.That(await OutboxAsync(), Is.EqualTo(new[] { (true, (string?)null) }));
    }

    [Test]
    public async Task RetryAfterOverAMinute_MessageWaitsInTheOutboxThenGoesOnce()
    {
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.RateLimited(300));
        await Chat.SayAsync(TeamChat.Ana, Greeting);

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        var limited = await WaitForAsync("chat.postEphemeral");
        Assert.That(await Eventually.TrueAsync(() => OutboxAsync().GetAwaiter().GetResult() is [(false, "ratelimited")]), Is.True,
            "back in the outbox with a not-before, not held in a call");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(4));
        Assert.That(Delivered("chat.postEphemeral"), Is.Zero, "Slack asked for five minutes");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(2));

        await Chat.PumpUntilAsync(() => Delivered("chat.postEphemeral") == 1);
        var delivered = Calls("chat.postEphemeral").Last();
        Assert.That(delivered.At - limited.At, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(2).Items);
    }

    [Test]
    public async Task InternalErrorAnswer_KeptAndSentLater()
    {
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.Error("internal_error"));
        await Chat.SayAsync(TeamChat.Ana, Greeting);

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        await Chat.PumpUntilAsync(() => Delivered("chat.postEphemeral") == 1);

        Assert.That(Calls("chat.postEphemeral").Select(c => (string?)c.Response["error"]), Is.EqualTo(new[] { "internal_error", null }));
    }

    [Test]
    public async Task FatalErrorOnANudge_MayHaveLanded_NotSentAgain()
    {
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.Error("fatal_error"));
        await Chat.SayAsync(TeamChat.Ana, Greeting);

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        await WaitForAsync("chat.postEphemeral");
        Assert.That(await Eventually.TrueAsync(() => OutboxAsync().GetAwaiter().GetResult() is [(true, "fatal_error")]), Is.True);
        await Chat.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items);
        Assert.That(Env.App.Logs.Lines, Has.Some.Contains("may have reached Slack (fatal_error); not sent again"));
    }

    [Test]
    public async Task ReminderToSomeoneSlackCannotReach_AskStopsWaitingOnThem()
    {
        Env.Slack.Inject("chat.postMessage", EmulatedFault.Error("user_not_found"));
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout");

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.5));
        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        Assert.That(await Eventually.TrueAsync(() => DeclinedAsync(TeamChat.Bob).GetAwaiter().GetResult()), Is.True);
        await Chat.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.That(Calls("chat.postMessage"), Has.Exactly(1).Items, "no second reminder and no escalation about someone who is gone");
    }

    private int Delivered(string method) => Calls(method, c => c.StatusCode == 200 && (bool?)c.Response["ok"] == true).Count();

    private async Task<IReadOnlyList<(bool Sent, string? Error)>> OutboxAsync()
    {
        await using var connection = Env.App.Database();
        var rows = await connection.QueryAsync<(long? SentAt, string? Error)>("SELECT sent_at, last_error FROM slack_outbox ORDER BY created_at");
        return [.. rows.Select(r => (r.SentAt is not null, r.Error))];
    }

    private async Task<bool> DeclinedAsync(string user)
    {
        await using var connection = Env.App.Database();
        return await connection.ExecuteScalarAsync<long>("SELECT declined FROM ask_assignees WHERE user_id = @User", new { User = user }) == 1;
    }
}
