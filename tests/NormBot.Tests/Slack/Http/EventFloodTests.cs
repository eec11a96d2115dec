using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Slack.Inbox;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

public sealed class EventFloodTests
{
    [Test]
    public async Task Flood_MoreEventsThanTheLanesHold_EveryAcknowledgedEventProcessedExactlyOnce()
    {
        const int events = 3 * InboxQueue.LaneCapacity * InboxQueue.EventLanes / 2;
        var handler = new RecordingMessageHandler();
        await using var app = new NormBotFactory(services: s => s.AddSingleton<IEventHandler<MessageEvent>>(handler));
        using var client = app.CreateClient();
        var now = app.Time.GetUtcNow();
        var bodies = Enumerable.Range(0, events)
            .Select(i => SlackPayloads.Message($"C0FLOOD{i % 8}", "U0456ALICE", $"update {i}", $"1700000000.{i:D6}", eventId: $"EvFLOOD{i:D7}").ToJsonString())
            .ToList();

        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (body, ct) =>
            statuses.Add((await client.SendAsync(SignedRequests.Json("/slack/event", body, now), ct)).StatusCode));

        Assert.That(statuses, Has.Count.EqualTo(events).And.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await Eventually.TrueAsync(() => handler.Received.Count >= events, TimeSpan.FromSeconds(60)), Is.True, $"processed {handler.Received.Count} of {events}");
        await app.InboxDrainedAsync();
        Assert.That(handler.Received.Select(r => r.Context.EventId).Distinct().Count(), Is.EqualTo(events));
        Assert.That(handler.Received, Has.Count.EqualTo(events));
    }
}
