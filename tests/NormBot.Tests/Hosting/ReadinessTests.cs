using System.Net;
using NormBot.SlackEmulator;
using Emulator = NormBot.SlackEmulator.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Hosting;

public sealed class ReadinessTests
{
    [Test]
    public async Task Ready_WithEmulator_StoreMigratedAuthPassedSchedulerRunning()
    {
        await using var env = await EmulatedSlackApp.StartAsync();
        using var client = env.CreateClient();

        HttpResponseMessage? response = null;
        var ready = await Eventually.TrueAsync(() =>
        {
            response = client.GetAsync("/health/ready").GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK;
        });

        Assert.That(ready, Is.True, await response!.Content.ReadAsStringAsync());
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("\"store\":{\"status\":\"Healthy\"").And.Contain("authenticated as U0NORMBOT in T0EMULATOR"));
        Assert.That(env.Slack.Calls.Select(c => c.Method), Does.Contain("auth.test"));
    }

    [Test]
    public async Task Ready_TokenRevoked_503NamesSlackCheck()
    {
        await using var slack = await Emulator.StartAsync();
        await using var app = new NormBotFactory(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-revoked-token",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        });
        using var client = app.CreateClient();
        await slack.WaitForCallAsync("auth.test");

        // The emulator records the call before the app has read the answer: wait for the app to act on it.
        // (Before that, ready is 503 too, saying auth.test has not passed yet: wait for the refusal itself.)
        HttpResponseMessage response = null!;
        var body = "";
        var refused = await Eventually.TrueAsync(async () =>
        {
            response = await client.GetAsync("/health/ready");
            body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains("invalid_auth", StringComparison.Ordinal);
        });

        Assert.That(refused, Is.True, $"ready stays 503 once Slack refused the token: {body}");
        // The emulator does not know the token: auth.test answers invalid_auth, which pauses the one workspace.
        Assert.That(body, Does.Contain("Slack refused the bot token: (Slack:BotToken) (invalid_auth)"));
    }
}
