using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.TestSupport;

/// <summary>An OAuth install as a person's browser makes it: our /slack/install, Slack's authorize page, back to our redirect.</summary>
public static class SlackInstall
{
    public const string InstallBaseUrl = "https://normbot.example.test";
    public const string Cookie = "normbot_oauth_state";

    /// <summary>A fixed test key (32 bytes, base64), never a real one.</summary>
    public static readonly string TokenKey = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private static readonly HttpClient Browser = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>OAuth installs on, no Slack:BotToken: every workspace is served with the token its install stored.</summary>
    public static Dictionary<string, string?> Settings(Emulator slack) => new()
    {
        ["Slack:BotToken"] = "",
        ["Slack:ClientId"] = slack.Options.ClientId,
        ["Slack:ClientSecret"] = slack.Options.ClientSecret,
        ["Slack:InstallBaseUrl"] = InstallBaseUrl,
        ["Slack:AuthorizeUrl"] = slack.AuthorizeUrl.ToString(),
        ["Slack:TokenEncryptionKey"] = TokenKey,
    };

    /// <summary>A client for the app that shows redirects and cookies to the test instead of following them.</summary>
    public static HttpClient Client(EmulatedSlackApp env) =>
        env.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>GET /slack/install: Slack's authorize URL and the state cookie set with it.</summary>
    public static async Task<(Uri Authorize, string? StateCookie)> BeginAsync(HttpClient app)
    {
        using var response = await app.GetAsync(new Uri("/slack/install", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(Cookie + "=", StringComparison.Ordinal))
            : null;
        return (response.Headers.Location!, cookie);
    }

    /// <summary>Slack's authorize page, where the person clicks Allow (the emulator approves at once) for a workspace.</summary>
    public static async Task<Uri> AuthorizeAsync(Uri authorize, string? teamId = null)
    {
        var url = teamId is null ? authorize : new Uri($"{authorize}&team={Uri.EscapeDataString(teamId)}");
        using var response = await Browser.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    /// <summary>Slack's redirect back to us, with the state cookie when given.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> FinishAsync(HttpClient app, Uri redirect, string? stateCookie)
    {
        Assert.That(redirect.GetLeftPart(UriPartial.Path), Is.EqualTo($"{InstallBaseUrl}/slack/oauth_redirect"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(redirect.PathAndQuery, UriKind.Relative));
        if (stateCookie is not null)
        {
            request.Headers.Add("Cookie", stateCookie);
        }

        using var response = await app.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The whole install for a workspace; asserts the success page.</summary>
    public static async Task InstallAsync(EmulatedSlackApp env, string? teamId = null)
    {
        using var app = Client(env);
        var (authorize, cookie) = await BeginAsync(app);
        var (status, page) = await FinishAsync(app, await AuthorizeAsync(authorize, teamId), cookie);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), page);
    }
}
