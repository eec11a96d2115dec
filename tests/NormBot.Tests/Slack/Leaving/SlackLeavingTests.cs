using System.Net;
using Dapper;
using NormBot.SlackEmulator;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Leaving;

/// <summary>PRODUCT §12, Slack leaving: what happens to asks, jobs and calls when a channel or the whole app goes away.</summary>
public sealed class SlackLeavingTests : RulesTestBase
{
    private const string AskBob = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    private static IEnumerable<TestCaseData> ChannelGone()
    {
        yield return new TestCaseData("channel_archive.json").SetArgDisplayNames("channel_archive");
        yield return new TestCaseData("channel_deleted.json").SetArgDisplayNames("channel_deleted");
        yield return new TestCaseData("channel_left.json").SetArgDisplayNames("channel_left");
        yield return new TestCaseData("member_left_channel (the bot)").SetArgDisplayNames("member_left_channel");
    }

    [TestCaseSource(nameof(ChannelGone))]
    public async Task ChannelGone_OpenAskThere_NoReminderNoEscalation_OtherChannelsUnaffected(string how)
    {
        await Chat.SayAsync(TeamChat.Ana, AskBob);
        await Chat.SayAsync(TeamChat.Ana, AskBob, TeamChat.Incidents);

        await Chat.SendEventAsync(how switch
        {
            "member_left_channel (the bot)" => SlackPayloads.ForEmulator("member_left_channel.json", e =>
            {
                e["channel"] = TeamChat.General;
                e["user"] = Env.Slack.BotUserId;
            }),
            _ => SlackPayloads.ForEmulator(how, ("channel", TeamChat.General), ("actor_id", TeamChat.Lead)),
        });
        Assert.That(await AskStateAsync(TeamChat.General), Is.EqualTo("closed"));
        await Chat.AdvanceAsync(TimeSpan.FromHours(24)); // past due (4h) and past escalation (2x)

        // The ask in #incidents proves the scan ran: its reminder and escalation went out, #general's did not.
        var about = Calls("chat.postMessage").Select(c => Arg(c, "text")).ToList();
        Assert.That(about, Has.Some.Contains($"<#{TeamChat.Incidents}>"));
        Assert.That(about, Has.None.Contains($"<#{TeamChat.General}>"));
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.General), Is.Empty);
    }

    [Test]
    public async Task SomeoneElseLeaves_AskStaysOpen()
    {
        await Chat.SayAsync(TeamChat.Ana, AskBob);

        await Chat.SendEventAsync(SlackPayloads.ForEmulator("member_left_channel.json", e =>
        {
            e["channel"] = TeamChat.General;
            e["user"] = TeamChat.Lead;
        }));

        Assert.That(await AskStateAsync(TeamChat.General), Is.EqualTo("open"));
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.5));
        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
    }

    [Test]
    public async Task AppUninstalled_NoWebApiCallAgain_QueueDropped_EventsIgnored()
    {
        // Slack refuses the token first (as it does once the app is gone), so a nudge waits in the queue...
        Env.Slack.Inject("*", EmulatedFault.Error("token_revoked"), int.MaxValue);
        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        await WaitForAsync("chat.postEphemeral");
        Assert.That(await PendingOutboxAsync(), Is.EqualTo(1));

        // ...then app_uninstalled arrives.
        await Chat.SendEventAsync(SlackPayloads.ForEmulator("app_uninstalled.json"));
        var callsAtUninstall = Env.Slack.Calls.Count;
        Env.Slack.ClearFaults();

        Assert.That(await PendingOutboxAsync(), Is.Zero, "queued messages are dropped");
        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>", TeamChat.Incidents);
        await Chat.SayAsync(TeamChat.Ana, AskBob, TeamChat.Incidents);
        await Chat.AdvanceAsync(TimeSpan.FromHours(24)); // grace, reminders, escalations and the paused-token probe all had their time

        Assert.That(Env.Slack.Calls.Skip(callsAtUninstall).Select(c => c.Method), Is.Empty, "no Web API call for an uninstalled workspace");
        Assert.That(await AskCountAsync(), Is.EqualTo(0), "events of a workspace without an installation are ignored");
        Assert.That(Env.App.Logs.Lines, Has.Some.Contains("Ignored event from workspace T0EMULATOR"));
        using var client = Env.CreateClient();
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "the one workspace this server serves is gone");
        Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain("uninstalled"));
    }

    [Test]
    public async Task TokensRevoked_BotToken_OpenAsksClosedAndNoCallAgain()
    {
        await Chat.SayAsync(TeamChat.Ana, AskBob);

        await Chat.SendEventAsync(SlackPayloads.ForEmulator("tokens_revoked.json", e => e["tokens"]!["bot"] = new System.Text.Json.Nodes.JsonArray(Env.Slack.BotUserId)));
        var callsAtRevoke = Env.Slack.Calls.Count;
        await Chat.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.That(await AskStateAsync(TeamChat.General), Is.EqualTo("closed"));
        Assert.That(Env.Slack.Calls.Skip(callsAtRevoke), Is.Empty);
    }

    [Test]
    public async Task TokensRevoked_UserTokensOnly_NothingChanges()
    {
        await Chat.SendEventAsync(SlackPayloads.ForEmulator("tokens_revoked.json", e => e["tokens"]!["bot"] = new System.Text.Json.Nodes.JsonArray()));
        await Chat.SayAsync(TeamChat.Ana, AskBob);

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.5));

        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);
    }

    [Test]
    public async Task PermanentChannelError_OnANudge_ClosesThatChannelsAsks()
    {
        // Slack says the bot is no longer in #general (it missed the event): the nudge fails once and is not retried.
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.Error("not_in_channel"));
        await Chat.SayAsync(TeamChat.Ana, AskBob);
        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        await WaitForAsync("chat.postEphemeral");
        Assert.That(await Eventually.TrueAsync(() => AskStateAsync(TeamChat.General).GetAwaiter().GetResult() == "closed"), Is.True);
        await Chat.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items);
        Assert.That(Calls("chat.postMessage"), Is.Empty, "no reminder or escalation about an ask in a channel the bot cannot reach");
        Assert.That(Env.App.Logs.Lines.Count(l => l.Contains("refused by Slack (not_in_channel)", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task ChannelArchived_ReadinessStaysHealthy()
    {
        await Chat.SendEventAsync(SlackPayloads.ForEmulator("channel_archive.json", ("channel", TeamChat.General)));

        using var client = Env.CreateClient();
        Assert.That(await Eventually.TrueAsync(() => client.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK), Is.True);
    }

    private async Task<string?> AskStateAsync(string channel)
    {
        await using var connection = Env.App.Database();
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT state FROM asks WHERE channel_id = @Channel", new { Channel = channel });
    }

    private async Task<long> AskCountAsync()
    {
        await using var connection = Env.App.Database();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM asks");
    }

    private async Task<long> PendingOutboxAsync()
    {
        await using var connection = Env.App.Database();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NULL");
    }
}
