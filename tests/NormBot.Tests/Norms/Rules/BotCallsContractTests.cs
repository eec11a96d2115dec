using NormBot.Norms.Nudges;
using NormBot.SlackEmulator;
using NormBot.Tests.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

/// <summary>The Web API calls the bot makes in a busy day: each succeeds, and each is a method in Slack's OpenAPI spec with parameters it lists.</summary>
public sealed class BotCallsContractTests : RulesTestBase
{
    [Test]
    public async Task BusyDay_EveryCallSucceeds()
    {
        var calls = await BusyDayAsync();

        var methods = calls.Select(c => c.Method).Distinct().Order().ToList();
        Assert.That(methods, Is.SupersetOf(new[] { "auth.test", "chat.getPermalink", "chat.postEphemeral", "chat.postMessage", "chat.update", "conversations.replies", "users.info" }));
        Assert.That(calls.Where(c => c.Method != "response_url"), Has.All.Matches<RecordedCall>(c => c.StatusCode == 200 && c.Response["ok"]!.GetValue<bool>()));
    }

    [Test]
    [SlackSpecs]
    public async Task BusyDay_EveryRecordedCall_ConformsToSlackOpenApi() =>
        Assert.That(SlackOpenApiContract.Default.CheckAll(await BusyDayAsync()), Is.Empty);

    private async Task<IReadOnlyList<RecordedCall>> BusyDayAsync()
    {
        await Chat.SayAsync(TeamChat.Ana, "hi");
        var urgent = await Chat.SayAsync(TeamChat.Bob, "URGENT: the EU checkout is down, errors since 10:02 in https://grafana.example/d/checkout");
        var ask = await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout");
        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Bob);
        await Chat.PressAsync(TeamChat.Bob, NudgeActions.PostInChannel, $"{TeamChat.General}|{urgent}|{TeamChat.Incidents}", TeamChat.General, "1.2", ephemeral: true);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.5));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
        await Chat.PressAsync(TeamChat.Bob, NudgeActions.Snooze, $"{TeamChat.General}|{ask}", dm.Response["channel"]!.GetValue<string>(), dm.Response["ts"]!.GetValue<string>(), ephemeral: false);
        await Chat.AdvanceAsync(TimeSpan.FromHours(20));
        await WaitForAsync("chat.update");
        return Env.Slack.Calls;
    }

    [Test]
    public async Task Nudge_SlackAnswers429_WaitsRetryAfterThenDelivers()
    {
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.RateLimited(30));

        await Chat.SayAsync(TeamChat.Ana, "URGENT: the EU checkout is down");
        await WaitForAsync("chat.postEphemeral");
        Assert.That(Calls("chat.postEphemeral").Single().StatusCode, Is.EqualTo(429));
        var retryAfter = Clock.GetUtcNow() + TimeSpan.FromSeconds(30);
        await Clock.TimerDueAsync(retryAfter);
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(Clock.PendingTimers, Does.Contain(retryAfter), "still waiting out Retry-After");
        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items, "no retry before Retry-After");
        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.That(await Eventually.TrueAsync(() => Calls("chat.postEphemeral", c => c.StatusCode == 200).Any()), Is.True);
        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(2).Items);
    }

    [Test]
    public async Task Nudge_SlackRefusesChannel_NotRetriedAndRecorded()
    {
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.Error("channel_not_found"));

        await Chat.SayAsync(TeamChat.Ana, "URGENT: the EU checkout is down");
        await WaitForAsync("chat.postEphemeral");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items);
        await using var connection = Env.App.Database();
        Assert.That(Dapper.SqlMapper.ExecuteScalar<string>(connection, "SELECT last_error FROM slack_outbox"), Is.EqualTo("channel_not_found"));
    }
}
