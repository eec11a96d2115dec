using System.Net;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

/// <summary>Every event in the test fixtures, as Slack would deliver it to the running bot: acknowledged and processed cleanly.</summary>
public sealed class EventFixturesTests
{
    private const string Maya = "U06MAYAK01";
    private const string Theo = "U06THEOR02";
    private const string Platform = "C06PLATFRM";

    public static IEnumerable<string> EventCallbacks() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "events"), "*.json")
            .Select(f => Path.GetFileName(f))
            .Where(f => (string?)Fixtures.ReadJson("events", f)["type"] == "event_callback")
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(EventCallbacks))]
    public async Task Event_FromTheFixtures_AcknowledgedAndProcessedWithoutError(string file)
    {
        await using var env = await EmulatedSlackApp.StartAsync();
        env.Slack.Workspace.AddUser(Maya, "maya", "Europe/Berlin");
        env.Slack.Workspace.AddUser(Theo, "theo", "Europe/London");
        env.Slack.Workspace.AddChannel(Platform, "platform", env.Slack.BotUserId, Maya, Theo);
        await env.Slack.WaitForCallAsync("auth.test");
        var body = Fixtures.ReadJson("events", file);
        body["team_id"] = EmulatedSlackApp.TeamId;
        using var client = env.CreateClient();

        using var response = await client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), env.Time.GetUtcNow()));
        await env.App.SettledAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(env.App.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)), Is.Empty);
    }
}
