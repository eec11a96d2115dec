using System.Text.Json.Nodes;
using NormBot.SlackEmulator;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Per-token workspaces, oauth.v2.access as Slack answers it, and chance faults.</summary>
public sealed class WorkspacesAndOAuthTests : EmulatorTestBase
{
    private const string Redirect = "https://normbot.example.com/slack/oauth_redirect";

    [Test]
    public async Task SecondWorkspace_ItsTokenActsOnItAlone()
    {
        var second = Emulator.AddWorkspace("T0SECOND", "Second");
        second.AddChannel("C0DESIGN", "design", second.BotUserId);

        var there = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0DESIGN", ["text"] = "hi" }, second.BotToken);
        var notHere = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0DESIGN", ["text"] = "hi" });
        var crossed = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = General, ["text"] = "hi" }, second.BotToken);
        var who = await CallAsync("auth.test", [], second.BotToken);

        Assert.Multiple(() =>
        {
            Assert.That(there.Ok, Is.True, there.RawBody);
            Assert.That(notHere.Error, Is.EqualTo("channel_not_found"));
            Assert.That(crossed.Error, Is.EqualTo("channel_not_found"));
            Assert.That(((string?)who.Json["team_id"], (string?)who.Json["user_id"]), Is.EqualTo(("T0SECOND", second.BotUserId)));
            Assert.That(second.GetMessages("C0DESIGN"), Has.Count.EqualTo(1));
            Assert.That(Emulator.Workspace.GetMessages(General), Is.Empty);
        });
    }

    [Test]
    public async Task OAuthAccess_GoodCode_FreshBotTokenInSlacksShape_OldTokenRevoked()
    {
        var old = Emulator.BotToken;
        var code = Emulator.CreateOAuthCode(Emulator.TeamId, "U0456ALICE", "chat:write,users:read", Redirect);

        var result = await ExchangeAsync(code);
        var stale = await CallAsync("auth.test", [], old);
        var fresh = await CallAsync("auth.test", [], (string)result.Json["access_token"]!);

        Assert.Multiple(() =>
        {
            Assert.That(result.Ok, Is.True, result.RawBody);
            Assert.That((string?)result.Json["token_type"], Is.EqualTo("bot"));
            Assert.That((string?)result.Json["access_token"], Does.StartWith("xoxb-").And.Not.EqualTo(old));
            Assert.That((string?)result.Json["bot_user_id"], Is.EqualTo(Emulator.BotUserId));
            Assert.That((string?)result.Json["scope"], Is.EqualTo("chat:write,users:read"));
            Assert.That((string?)result.Json["team"]!["id"], Is.EqualTo(Emulator.TeamId));
            Assert.That((string?)result.Json["authed_user"]!["id"], Is.EqualTo("U0456ALICE"));
            Assert.That(stale.Error, Is.EqualTo("token_revoked"));
            Assert.That(fresh.Ok, Is.True);
        });
    }

    [TestCase("reused", "invalid_code")]
    [TestCase("bad secret", "bad_client_secret")]
    [TestCase("other redirect", "bad_redirect_uri")]
    public async Task OAuthAccess_Refused_OkFalseWithSlacksCode(string what, string error)
    {
        var code = Emulator.CreateOAuthCode(Emulator.TeamId, redirectUri: Redirect);
        if (what == "reused")
        {
            await ExchangeAsync(code);
        }

        var result = await ExchangeAsync(code, secret: what == "bad secret" ? "wrong" : null, redirect: what == "other redirect" ? "https://evil.example/cb" : null);

        Assert.That((result.Ok, result.Error), Is.EqualTo((false, error)));
    }

    [Test]
    public async Task RandomFaults_SameSeed_SameCallsFail()
    {
        async Task<List<int>> RunAsync()
        {
            Emulator.ClearFaults();
            Emulator.InjectRandomly("*", EmulatedFault.ServerError(503), 0.3, seed: 42);
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                statuses.Add((await CallAsync("auth.test", [])).Status);
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.Count(s => s == 503), Is.InRange(5, 20));
    }

    private Task<ApiResult> ExchangeAsync(string code, string? secret = null, string? redirect = null) =>
        EmulatorHttp.PostFormAsync(Emulator, "oauth.v2.access",
        [
            new("code", code), new("client_id", Emulator.Options.ClientId), new("client_secret", secret ?? Emulator.Options.ClientSecret),
            new("redirect_uri", redirect ?? Redirect),
        ], token: null);
}
