using System.Net;
using Dapper;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using NormBot.Manifest;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.Slack.Install;

/// <summary>PRODUCT §15: install by OAuth, through the front door, against the emulator's authorize page and oauth.v2.access.</summary>
public sealed class OAuthInstallTests
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private EmulatedSlackApp _env = null!;
    private HttpClient _app = null!;

    private Emulator Slack => _env.Slack;

    [SetUp]
    public async Task StartAsync()
    {
        var time = new FakeTimeProvider(Monday10);
        var slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = EmulatedSlackApp.TeamId, TimeProvider = time });
        _env = await EmulatedSlackApp.StartAsync(settings: SlackInstall.Settings(slack), time: time, reuseSlack: slack);
        _app = SlackInstall.Client(_env);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _app.Dispose();
        await _env.DisposeAsync();
    }

    [Test]
    public async Task Install_GoodPath_RedirectsToSlackStoresTheEncryptedTokenAndSaysSo()
    {
        var (authorize, cookie) = await SlackInstall.BeginAsync(_app);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.That(authorize.GetLeftPart(UriPartial.Path), Is.EqualTo(Slack.AuthorizeUrl.ToString()));
        Assert.That(query["client_id"].ToString(), Is.EqualTo(Slack.Options.ClientId));
        Assert.That(query["scope"].ToString().Split(','), Is.EquivalentTo(SlackScopes.Bot()));
        Assert.That(query["redirect_uri"].ToString(), Is.EqualTo($"{SlackInstall.InstallBaseUrl}/slack/oauth_redirect"));
        Assert.That(cookie, Is.EqualTo($"{SlackInstall.Cookie}={query["state"]}"), "the state is bound to a cookie set on the same response");

        var redirect = await SlackInstall.AuthorizeAsync(authorize);
        var (status, page) = await SlackInstall.FinishAsync(_app, redirect, cookie);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var logs = string.Join('\n', _env.App.Logs.Lines);
        Assert.That(logs, Does.Contain("NormBot installed in workspace T0EMULATOR"));
        Assert.That(logs, Does.Not.Contain(Slack.Workspace.BotToken).And.Not.Contain(query["state"].ToString())
            .And.Not.Contain(QueryHelpers.ParseQuery(redirect.Query)["code"].ToString()).And.Not.Contain(Slack.Options.ClientSecret));
        Assert.That(page, Does.Contain("NormBot is installed").And.Contain("Emulated Workspace").And.Contain("https://slack.com/app_redirect?app=A0NORMBOT&amp;team=T0EMULATOR"));
        var exchange = Slack.Calls.Single(c => c.Method == "oauth.v2.access");
        Assert.That(exchange.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(exchange.Args.Select(a => a.Key), Is.EquivalentTo(new[] { "code", "client_id", "client_secret", "redirect_uri" }));
        Assert.That(exchange.Token, Is.Null);
        var row = await InstallationAsync();
        Assert.That(row, Is.Not.Null);
        Assert.That((row!.TeamId, row.BotUserId, row.InstalledBy), Is.EqualTo((EmulatedSlackApp.TeamId, Slack.BotUserId, Slack.Options.InstallingUserId)));
        Assert.That(row.Scopes.Split(','), Is.EquivalentTo(SlackScopes.Bot()));
        Assert.That(row.BotToken, Does.StartWith("v1.").And.Not.Contain(Slack.BotToken).And.Not.Contain("xoxb-"), "encrypted at rest");
    }

    [Test]
    public async Task Install_TheStoredTokenIsWhatCallsCarry()
    {
        await SlackInstall.InstallAsync(_env);
        TeamChat.Seed(_env);
        var chat = new TeamChat(_env);

        await chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await chat.AdvanceAsync(TimeSpan.FromSeconds(75));

        var nudge = await Slack.WaitForCallAsync("chat.postEphemeral");
        Assert.That(nudge.Token, Is.EqualTo(Slack.Workspace.BotToken));
        Assert.That((bool?)nudge.Response["ok"], Is.True);
    }

    [Test]
    public async Task Install_ReplayedState_ErrorPageAndNoSecondExchange()
    {
        var (authorize, cookie) = await SlackInstall.BeginAsync(_app);
        var redirect = await SlackInstall.AuthorizeAsync(authorize);
        Assert.That((await SlackInstall.FinishAsync(_app, redirect, cookie)).Status, Is.EqualTo(HttpStatusCode.OK));
        var tokenAfterFirst = (await InstallationAsync())!.BotToken;

        var (status, page) = await SlackInstall.FinishAsync(_app, redirect, cookie);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("NormBot was not installed").And.Contain("expired or was already used").And.Contain("/slack/install"));
        Assert.That(Slack.Calls.Count(c => c.Method == "oauth.v2.access"), Is.EqualTo(1));
        Assert.That((await InstallationAsync())!.BotToken, Is.EqualTo(tokenAfterFirst));
    }

    [Test]
    public async Task Install_MissingCookie_ErrorPageNothingStored()
    {
        var (authorize, _) = await SlackInstall.BeginAsync(_app);

        var (status, page) = await SlackInstall.FinishAsync(_app, await SlackInstall.AuthorizeAsync(authorize), stateCookie: null);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("did not bring back the cookie"));
        Assert.That(Slack.Calls.Where(c => c.Method == "oauth.v2.access"), Is.Empty);
        Assert.That(await InstallationAsync(), Is.Null);
    }

    [Test]
    public async Task Install_CookieOfAnotherInstall_ErrorPageNothingStored()
    {
        var (_, otherCookie) = await SlackInstall.BeginAsync(_app);
        var (authorize, _) = await SlackInstall.BeginAsync(_app);

        var (status, page) = await SlackInstall.FinishAsync(_app, await SlackInstall.AuthorizeAsync(authorize), otherCookie);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("another browser window"));
        Assert.That(await InstallationAsync(), Is.Null);
    }

    [Test]
    public async Task Install_StateOlderThanTenMinutes_ErrorPageNothingStored()
    {
        var (authorize, cookie) = await SlackInstall.BeginAsync(_app);
        var redirect = await SlackInstall.AuthorizeAsync(authorize);
        _env.Time.Advance(TimeSpan.FromMinutes(11));

        var (status, page) = await SlackInstall.FinishAsync(_app, redirect, cookie);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("expired"));
        Assert.That(await InstallationAsync(), Is.Null);
    }

    [Test]
    public async Task Install_SlackAnswersOkFalse_ErrorPageNamesItNothingStored()
    {
        Slack.Inject("oauth.v2.access", EmulatedFault.Error("invalid_code"));
        var (authorize, cookie) = await SlackInstall.BeginAsync(_app);

        var (status, page) = await SlackInstall.FinishAsync(_app, await SlackInstall.AuthorizeAsync(authorize), cookie);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("Slack did not grant the installation (invalid_code)"));
        Assert.That(await InstallationAsync(), Is.Null);
        Assert.That(_env.App.Logs.Lines, Has.None.Contains(Slack.Options.ClientSecret));
    }

    [Test]
    public async Task Install_CancelledInSlack_ErrorPageSaysSo()
    {
        var (_, cookie) = await SlackInstall.BeginAsync(_app);

        var (status, page) = await SlackInstall.FinishAsync(_app, new Uri($"{SlackInstall.InstallBaseUrl}/slack/oauth_redirect?error=access_denied&state=x"), cookie);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("cancelled"));
    }

    [Test]
    public async Task Reinstall_ReplacesTheToken_CallsCarryTheNewOne()
    {
        await SlackInstall.InstallAsync(_env);
        var first = Slack.Workspace.BotToken;
        await SlackInstall.InstallAsync(_env);
        var second = Slack.Workspace.BotToken;
        TeamChat.Seed(_env);
        var chat = new TeamChat(_env);

        await chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await chat.AdvanceAsync(TimeSpan.FromSeconds(75));

        Assert.That(second, Is.Not.EqualTo(first));
        var nudge = await Slack.WaitForCallAsync("chat.postEphemeral");
        Assert.That((nudge.Token, (bool?)nudge.Response["ok"]), Is.EqualTo((second, (bool?)true)));
    }

    [Test]
    public async Task EventsBeforeAnyInstall_AcknowledgedAndIgnored()
    {
        TeamChat.Seed(_env);
        var chat = new TeamChat(_env);

        await chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await chat.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.That(Slack.Calls, Is.Empty);
        Assert.That(_env.App.Logs.Lines, Has.Some.Contains("NormBot is not installed there"));
    }

    private async Task<StoredInstallation?> InstallationAsync()
    {
        await using var connection = _env.App.Database();
        return await connection.QuerySingleOrDefaultAsync<StoredInstallation>(
            "SELECT team_id AS TeamId, bot_user_id AS BotUserId, bot_token AS BotToken, scopes AS Scopes, installed_by AS InstalledBy FROM slack_installations");
    }

    private sealed record StoredInstallation(string TeamId, string BotUserId, string BotToken, string Scopes, string? InstalledBy);
}
