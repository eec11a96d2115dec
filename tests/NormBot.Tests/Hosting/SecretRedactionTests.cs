using NormBot.SlackEmulator;
using Emulator = NormBot.SlackEmulator.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Hosting;

public sealed class SecretRedactionTests
{
    [Test]
    public async Task Logs_AfterStartupFailuresAndRequests_NeverContainTokensOrSigningSecret()
    {
        const string appToken = "xapp-1-A0SECRET-0000-appleveltokenvalue";
        await using var slack = await Emulator.StartAsync();
        slack.Inject("auth.test", EmulatedFault.Error("invalid_auth"), times: 2);
        slack.Inject("apps.connections.open", EmulatedFault.ServerError(), times: 2);
        await using var app = new NormBotFactory(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:AppToken"] = appToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        });
        using var client = app.CreateClient();
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "hi", "1700000000.000100").ToJsonString();
        await client.SendAsync(SignedRequests.Json("/slack/event", body, app.Time.GetUtcNow()));
        await client.SendAsync(SignedRequests.Json("/slack/event", body, app.Time.GetUtcNow(), secret: "wrong"));
        // Both failures were met and retried past (the retries wait on the clock), and the event was processed.
        var retried = await Eventually.TrueAdvancingAsync(
            app.Time, () => TimeSpan.FromSeconds(30), () => slack.Calls.Count(c => c.Method == "auth.test") >= 3 && slack.Calls.Count(c => c.Method == "apps.connections.open") >= 3);
        Assert.That(retried, Is.True, "auth.test and apps.connections.open retried after their failures");
        await app.InboxDrainedAsync();

        var logs = app.Logs.Lines;
        Assert.That(logs, Is.Not.Empty);
        Assert.That(logs, Has.Some.Contains("auth.test failed"), "the failure itself is logged");
        Assert.That(logs, Has.None.Contains(slack.BotToken));
        Assert.That(logs, Has.None.Contains(appToken));
        Assert.That(logs, Has.None.Contains(NormBotFactory.SigningSecret));
        Assert.That(logs, Has.None.Contains("Bearer "));
    }
}
