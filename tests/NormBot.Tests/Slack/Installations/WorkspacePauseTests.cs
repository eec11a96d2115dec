using System.Net;
using Dapper;
using NormBot.Slack.Installations;
using NormBot.SlackEmulator;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Installations;

/// <summary>PRODUCT §12: an auth error pauses all sending for the workspace, keeps what is queued and shows in readiness.</summary>
public sealed class WorkspacePauseTests : RulesTestBase
{
    [Test]
    public async Task InvalidAuth_PausesSending_KeepsTheQueue_ReadyUnhealthy_ResumesWhenSlackAcceptsTheTokenAgain()
    {
        using var client = Env.CreateClient();
        Assert.That(await Eventually.TrueAsync(() => Ready(client).StatusCode == HttpStatusCode.OK), Is.True);
        Env.Slack.Inject("*", EmulatedFault.Error("invalid_auth"), int.MaxValue);

        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        var refused = await WaitForAsync("chat.postEphemeral");
        await Chat.SayAsync(TeamChat.Bob, "ping", TeamChat.Incidents);
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));

        Assert.That((string?)refused.Response["error"], Is.EqualTo("invalid_auth"));
        Assert.That(await PendingAsync(), Is.EqualTo(2), "both nudges wait; none failed");
        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items, "nothing else is sent while paused");
        var ready = Ready(client);
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Body(ready), Does.Contain("T0EMULATOR (invalid_auth)").And.Contain("\"T0EMULATOR\":\"invalid_auth\""));

        Env.Slack.ClearFaults();
        await Chat.AdvanceAsync(InstallationProbe.PausedProbeInterval);

        Assert.That(await Eventually.TrueAsync(() => Calls("chat.postEphemeral", c => (bool?)c.Response["ok"] == true).Count() == 2), Is.True);
        Assert.That(await Eventually.TrueAsync(() => PendingAsync().GetAwaiter().GetResult() == 0), Is.True, "each row is marked once Slack took it");
        Assert.That(await Eventually.TrueAsync(() => Ready(client).StatusCode == HttpStatusCode.OK), Is.True);
        Assert.That(Calls("chat.postEphemeral", c => (bool?)c.Response["ok"] == true).Select(c => Arg(c, "user")), Is.EquivalentTo(new[] { TeamChat.Ana, TeamChat.Bob }));
    }

    [Test]
    public async Task AccountInactiveWhileTheTokenStillWorks_AboutThePersonNotTheBot_NoPause()
    {
        Env.Slack.Inject("chat.postEphemeral", EmulatedFault.Error("account_inactive"));
        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));
        await WaitForAsync("chat.postEphemeral");
        // auth.test with the same token decides: it passes, so the error was about Ana, and only her nudge is dropped.
        Assert.That(await Eventually.TrueAsync(() => Calls("auth.test").Count() == 2), Is.True, "start-up's auth.test, then the check");
        await Chat.SayAsync(TeamChat.Bob, "ping", TeamChat.Incidents);
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(75));

        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Bob && (bool?)c.Response["ok"] == true);
        using var client = Env.CreateClient();
        Assert.That(Ready(client).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static HttpResponseMessage Ready(HttpClient client) => client.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult();

    private static string Body(HttpResponseMessage response) => response.Content.ReadAsStringAsync().GetAwaiter().GetResult();

    private async Task<long> PendingAsync()
    {
        await using var connection = Env.App.Database();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NULL");
    }
}
