using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

public sealed class AuthAndRoutingTests : EmulatorTestBase
{
    [TestCase(null, "not_authed")]
    [TestCase("xoxb-wrong", "invalid_auth")]
    [TestCase("app", "not_allowed_token_type")]
    public async Task BotMethod_BadToken_SlackAuthError(string? token, string error)
    {
        var result = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = General, ["text"] = "x" }, token);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(200));
            Assert.That(result.Json.ToJsonString(), Is.EqualTo($"{{\"ok\":false,\"error\":\"{error}\"}}"));
            Assert.That(Emulator.Workspace.GetMessages(General), Is.Empty);
        });
    }

    [TestCase(null, "not_authed")]
    [TestCase("bot", "not_allowed_token_type")]
    [TestCase("xapp-wrong", "invalid_auth")]
    public async Task AppsConnectionsOpen_BadToken_SlackAuthError(string? token, string error)
    {
        var result = await CallAsync("apps.connections.open", [], token);
        Assert.That(result.Error, Is.EqualTo(error));
    }

    [Test]
    public async Task TokenInBody_IsNotAuthAndNotRecorded()
    {
        var fields = new Dictionary<string, string> { ["token"] = Emulator.BotToken, ["channel"] = General, ["text"] = "x" };

        var result = await EmulatorHttp.PostFormAsync(Emulator, "chat.postMessage", fields, token: null);

        var call = Emulator.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo("not_authed"));
            Assert.That(call.Args.ContainsKey("token"), Is.False);
        });
    }

    [Test]
    public async Task UnknownMethod_UnknownMethod()
    {
        var result = await CallAsync("chat.postMessagee", new JsonObject { ["channel"] = General });
        Assert.That(result.Error, Is.EqualTo("unknown_method"));
    }

    [Test]
    public async Task JsonWithoutCharset_WarnsMissingCharset()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.ApiBaseUrl, "auth.test"))
        {
            Content = new StringContent("{}", null, "application/json"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Authorization = new("Bearer", Emulator.BotToken);

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That((bool?)body["ok"], Is.True);
            Assert.That((string?)body["warning"], Is.EqualTo("missing_charset"));
        });
    }

    [Test]
    public async Task MalformedJson_InvalidJson()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.ApiBaseUrl, "chat.postMessage"))
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", Emulator.BotToken);

        using var response = await client.SendAsync(request);

        Assert.That((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"], Is.EqualTo("invalid_json"));
    }
}
