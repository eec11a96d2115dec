using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.Slack.Installations;

/// <summary>PRODUCT §15: two workspaces installed by OAuth; every call carries its own workspace's token and acts there.</summary>
public sealed class TwoWorkspacesTests
{
    private const string Second = "T0SECOND";
    private const string Carla = "U0CARLA";
    private const string Design = "C0DESIGN";

    private EmulatedSlackApp _env = null!;
    private SlackWorkspace _second = null!;
    private HttpClient _client = null!;

    private Emulator Slack => _env.Slack;

    [SetUp]
    public async Task StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = EmulatedSlackApp.TeamId, TimeProvider = time });
        _second = slack.AddWorkspace(Second, "Second Workspace");
        _env = await EmulatedSlackApp.StartAsync(settings: SlackInstall.Settings(slack), time: time, reuseSlack: slack);
        TeamChat.Seed(_env);
        _second.AddUser(Carla, "carla", "UTC");
        _second.AddChannel(Design, "design", _second.BotUserId, Carla);
        await SlackInstall.InstallAsync(_env);
        await SlackInstall.InstallAsync(_env, Second);
        _client = _env.CreateClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _env.DisposeAsync();
    }

    [Test]
    public async Task NudgesInBothWorkspaces_EachCallCarriesItsOwnWorkspacesToken()
    {
        var chat = new TeamChat(_env);
        await chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await SendAsync(Second, SlackPayloads.Message(Design, Carla, "ping", _second.AddMessage(Design, Carla, "ping")));

        await chat.AdvanceAsync(TimeSpan.FromSeconds(75));

        var first = await Slack.WaitForCallAsync("chat.postEphemeral", c => (string?)c.Args["user"] == TeamChat.Ana);
        var second = await Slack.WaitForCallAsync("chat.postEphemeral", c => (string?)c.Args["user"] == Carla);
        Assert.That(Slack.Workspace.BotToken, Is.Not.EqualTo(_second.BotToken));
        Assert.That((first.Token, (bool?)first.Response["ok"]), Is.EqualTo((Slack.Workspace.BotToken, (bool?)true)));
        Assert.That((second.Token, (bool?)second.Response["ok"]), Is.EqualTo((_second.BotToken, (bool?)true)), "Carla and #design exist only in the second workspace");
    }

    [Test]
    public async Task HomeTab_PublishedInTheWorkspaceItWasOpenedIn()
    {
        await SendAsync(Second, SlackPayloads.Event("app_home_opened.json", e =>
        {
            e["user"] = Carla;
            e["tab"] = "home";
        }));

        var publish = await Slack.WaitForCallAsync("views.publish");
        Assert.That(publish.Token, Is.EqualTo(_second.BotToken));
        Assert.That(_second.GetHomeView(Carla), Is.Not.Null);
        Assert.That(Slack.Workspace.GetHomeView(Carla), Is.Null);
    }

    [Test]
    public async Task OneWorkspacePaused_ReadyStays200AndNamesIt_TheOtherIsStillServed()
    {
        _second.RevokeToken();
        await SendAsync(Second, SlackPayloads.Message(Design, Carla, "ping", _second.AddMessage(Design, Carla, "ping")));
        var chat = new TeamChat(_env);
        await chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        await Slack.WaitForCallAsync("chat.postEphemeral", c => (string?)c.Response["error"] == "token_revoked");

        await chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await chat.AdvanceAsync(TimeSpan.FromSeconds(75));

        await Slack.WaitForCallAsync("chat.postEphemeral", c => (string?)c.Args["user"] == TeamChat.Ana && (bool?)c.Response["ok"] == true);
        var ready = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("\"slack\":{\"status\":\"Degraded\"").And.Contain("T0SECOND (token_revoked)").And.Not.Contain("T0EMULATOR ("));
    }

    [Test]
    public async Task EventFromAWorkspaceWithoutInstallation_Ignored()
    {
        var before = Slack.Calls.Count;
        await SendAsync("T0STRANGER", SlackPayloads.Message(Design, Carla, "hi", "1700000000.000100"));
        var chat = new TeamChat(_env);

        await chat.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.That(Slack.Calls.Skip(before), Is.Empty);
        Assert.That(_env.App.Logs.Lines, Has.Some.Contains("from workspace T0STRANGER: NormBot is not installed there"));
    }

    private async Task SendAsync(string teamId, JsonObject body)
    {
        body["team_id"] = teamId;
        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), _env.Time.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await new TeamChat(_env).ProcessedAsync();
    }
}
