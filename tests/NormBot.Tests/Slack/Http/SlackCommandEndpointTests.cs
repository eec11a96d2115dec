using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Slack.Handlers;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

public sealed class SlackCommandEndpointTests
{
    [Test]
    public async Task Command_HandlerAnswersQuickly_ReplyIsInTheResponse()
    {
        var handler = new ScriptedCommandHandler(c => Task.FromResult<JsonObject?>(new JsonObject { ["response_type"] = "ephemeral", ["text"] = $"you said {c.Text}" }));
        await using var app = new NormBotFactory(services: s => s.AddSingleton<ISlashCommandHandler>(handler));
        using var client = app.CreateClient();

        var response = await client.SendAsync(SignedRequests.Form("/slack/command", SlackPayloads.SlashCommand("show <#C0123GENRL|general>", "U0456ALICE", "C0123GENRL"), app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(reply["text"]!.GetValue<string>(), Is.EqualTo("you said show <#C0123GENRL|general>"));
        Assert.That(handler.Received.Single().UserId, Is.EqualTo("U0456ALICE"));
    }

    [Test]
    public async Task Command_HandlerSlowerThanSlackWindow_EmptyAckThenReplyAtResponseUrl()
    {
        var release = new TaskCompletionSource();
        var handler = new ScriptedCommandHandler(async _ =>
        {
            await release.Task;
            return new JsonObject { ["response_type"] = "ephemeral", ["text"] = "done at last" };
        });
        var responseUrl = new RecordingHttpHandler();
        await using var app = new NormBotFactory(services: s =>
        {
            s.AddSingleton<ISlashCommandHandler>(handler);
            s.AddHttpClient(SlackDispatcher.ResponseUrlClient).ConfigurePrimaryHttpMessageHandler(() => responseUrl);
        });
        using var client = app.CreateClient();
        var fields = SlackPayloads.SlashCommand("stats", "U0456ALICE", "C0123GENRL");

        var sending = client.SendAsync(SignedRequests.Form("/slack/command", fields, app.Time.GetUtcNow()));
        await Eventually.TrueAsync(() => !handler.Received.IsEmpty);
        app.Time.Advance(TimeSpan.FromSeconds(3));
        var response = await sending;
        release.SetResult();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        Assert.That(await Eventually.TrueAsync(() => !responseUrl.Requests.IsEmpty), Is.True);
        var (uri, body) = responseUrl.Requests.Single();
        Assert.That(uri.ToString(), Is.EqualTo(fields["response_url"]));
        Assert.That(JsonNode.Parse(body)!["text"]!.GetValue<string>(), Is.EqualTo("done at last"));
    }

    [Test]
    public async Task Command_MissingFields_400AndHandlerNotCalled()
    {
        var handler = new ScriptedCommandHandler(_ => Task.FromResult<JsonObject?>(null));
        await using var app = new NormBotFactory(services: s => s.AddSingleton<ISlashCommandHandler>(handler));
        using var client = app.CreateClient();

        var response = await client.SendAsync(SignedRequests.Form("/slack/command", [new("text", "show")], app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(handler.Received, Is.Empty);
    }

    [Test]
    public async Task Command_Unsigned_401()
    {
        await using var app = new NormBotFactory();
        using var client = app.CreateClient();
        using var content = new FormUrlEncodedContent(SlackPayloads.SlashCommand("set hours always", "U0456ALICE", "C0123GENRL"));

        var response = await client.PostAsync("/slack/command", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
