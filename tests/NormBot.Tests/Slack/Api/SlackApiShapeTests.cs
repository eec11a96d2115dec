using System.Net;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Api;

/// <summary>Feeds the SDK's union-of-all-fields shapes (with ok flipped to true): unknown fields must be ignored.</summary>
[SlackSpecs]
public sealed class SlackApiShapeTests
{
    private SlackApiHarness _slack = null!;

    [SetUp]
    public void SetUp() => _slack = new SlackApiHarness();

    [TearDown]
    public void TearDown() => _slack.Dispose();

    [TestCase("auth.test")]
    [TestCase("chat.postMessage")]
    [TestCase("chat.postEphemeral")]
    [TestCase("chat.update")]
    [TestCase("chat.getPermalink")]
    [TestCase("conversations.info")]
    [TestCase("conversations.replies")]
    [TestCase("users.info")]
    [TestCase("users.list")]
    [TestCase("views.publish")]
    [TestCase("apps.connections.open")]
    public async Task Method_FullShape_Deserialises(string method)
    {
        var shape = SlackSpecs.ReadJson("web-api", "shapes", $"{method}.json");
        shape["ok"] = true;
        shape.Remove("error");
        if (method == "apps.connections.open")
        {
            shape["url"] = "wss://example.test/link";
        }

        if (shape["response_metadata"] is System.Text.Json.Nodes.JsonObject metadata)
        {
            metadata["next_cursor"] = "";
        }

        _slack.Http.Answer(HttpStatusCode.OK, shape.ToJsonString());

        var result = await CallAsync(method);

        Assert.That(result, Is.Not.Null.And.Not.Empty);
        Assert.That(_slack.Http.Requests.Single().Method, Is.EqualTo(method));
    }

    private async Task<string> CallAsync(string method)
    {
        var api = _slack.Api;
        var ct = CancellationToken.None;
        var view = View.Home([new DividerBlock()]);
        return method switch
        {
            "auth.test" => (await api.AuthTestAsync(ct)).UserId,
            "chat.postMessage" => (await api.PostMessageAsync(new PostMessage("C1", "t"), ct)).Ts,
            "chat.postEphemeral" => await api.PostEphemeralAsync(new PostEphemeral("C1", "U1", "t"), ct),
            "chat.update" => (await api.UpdateMessageAsync(new UpdateMessage("C1", "1.2", "t"), ct)).Ts,
            "chat.getPermalink" => await api.GetPermalinkAsync("C1", "1.2", ct),
            "conversations.info" => (await api.GetConversationInfoAsync("C1", ct)).Id,
            "conversations.replies" => string.Join(',', (await api.GetConversationRepliesAsync("C1", "1.2", ct).ToListAsync()).Select(m => m.Ts)),
            "users.info" => (await api.GetUserInfoAsync("U1", ct)).Id,
            "users.list" => string.Join(',', (await api.GetUsersAsync(ct).ToListAsync()).Select(u => u.Id)),
            "views.publish" => await Done(api.PublishViewAsync("U1", view, ct)),
            "apps.connections.open" => (await api.OpenSocketConnectionAsync(ct)).ToString(),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static async Task<string> Done(Task call)
    {
        await call;
        return "done";
    }
}
