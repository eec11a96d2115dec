using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

public sealed class SlackActionEndpointTests
{
    [Test]
    public async Task Action_ButtonPress_ReachesHandlerForItsActionId()
    {
        var payload = Fixtures.ReadJson("interactivity", "block_actions.message_button.json");
        var actionId = "recorded_in_test"; // NormBot's own handler owns the fixture's action id
        payload["actions"]![0]!["action_id"] = actionId;
        var handler = new RecordingActionHandler(actionId);
        await using var app = new NormBotFactory(services: s => s.AddSingleton<IBlockActionHandler>(handler));
        using var client = app.CreateClient();

        var response = await client.SendAsync(SignedRequests.Form("/slack/action", [new("payload", payload.ToJsonString())], app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Eventually.TrueAsync(() => !handler.Received.IsEmpty), Is.True);
        var (request, action) = handler.Received.Single();
        Assert.That(request.UserId, Is.EqualTo(payload["user"]!["id"]!.GetValue<string>()));
        Assert.That(request.ChannelId, Is.EqualTo(payload["container"]!["channel_id"]!.GetValue<string>()));
        Assert.That(action.Value, Is.EqualTo(payload["actions"]![0]!["value"]!.GetValue<string>()));
    }

    [TestCase("payload=%7Bbroken", TestName = "Action_PayloadNotJson_400")]
    [TestCase("nothing=here", TestName = "Action_NoPayloadField_400")]
    public async Task Action_Malformed_400(string body)
    {
        await using var app = new NormBotFactory();
        using var client = app.CreateClient();

        var response = await client.SendAsync(SignedRequests.Build("/slack/action", body, "application/x-www-form-urlencoded", app.Time.GetUtcNow(), NormBotFactory.SigningSecret));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Options_Signed_EmptyOptionList()
    {
        await using var app = new NormBotFactory();
        using var client = app.CreateClient();

        var response = await client.SendAsync(SignedRequests.Form("/slack/options", [new("payload", "{\"type\":\"block_suggestion\"}")], app.Time.GetUtcNow()));

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"options\":[]}"));
    }

    private sealed class RecordingActionHandler(string actionId) : IBlockActionHandler
    {
        public ConcurrentQueue<(BlockActionRequest, BlockAction)> Received { get; } = new();

        public IReadOnlyCollection<string> ActionIds => [actionId];

        public Task HandleAsync(BlockActionRequest request, BlockAction action, CancellationToken ct)
        {
            Received.Enqueue((request, action));
            return Task.CompletedTask;
        }
    }
}
