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

    [Test]
    public async Task Flood_EventsAreProcessedOneAtATimeUntilItPasses_ThenAllLanesAgain()
    {
        // Processing steps aside for the acknowledgements: during a flood the event lanes take turns, so at most one
        // handler runs while events pour in; once it passes the lanes work side by side again. The flood lasts until
        // ten events were handled in it (or 30 s).
        var handler = new ConcurrencyRecordingHandler();
        await using var app = new NormBotFactory(services: s => s.AddSingleton<IEventHandler<MessageEvent>>(handler));
        handler.Queue = app.Services.GetRequiredService<InboxQueue>();
        using var client = app.CreateClient();
        var now = app.Time.GetUtcNow();
        var flooding = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (handler.HandledInFlood < 10 && flooding.Elapsed < TimeSpan.FromSeconds(30))
            {
                var i = Interlocked.Increment(ref sent);
                var body = SlackPayloads.Message($"C0TURN{i % 8}", "U0456ALICE", $"update {i}", $"1700000000.{i:D6}", eventId: $"EvTURN{i:D7}").ToJsonString();
                (await client.SendAsync(SignedRequests.Json("/slack/event", body, now))).EnsureSuccessStatusCode();
            }
        }));
        var floodTook = flooding.Elapsed;

        Assert.That(await Eventually.TrueAsync(() => handler.Handled >= sent, TimeSpan.FromSeconds(120)), Is.True, $"processed {handler.Handled} of {sent}");
        Assert.That(handler.HandledInFlood, Is.GreaterThanOrEqualTo(10), "events were processed while the flood lasted");
        TestContext.Out.WriteLine($"sent {sent} in {floodTook}, all processed after {flooding.Elapsed}");
        Assert.That(handler.MostAtOnceInFlood, Is.EqualTo(1));
        Assert.That(handler.MostAtOnce, Is.GreaterThan(1), "after the flood the lanes run side by side");
    }

    private sealed class ConcurrencyRecordingHandler : IEventHandler<MessageEvent>
    {
        private int _running;
        private int _handled;
        private int _handledInFlood;
        private int _mostAtOnce;
        private int _mostAtOnceInFlood;
        private long _floodSeenAt;

        public InboxQueue? Queue { get; set; }

        public int Handled => Volatile.Read(ref _handled);

        public int HandledInFlood => Volatile.Read(ref _handledInFlood);

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int MostAtOnceInFlood => Volatile.Read(ref _mostAtOnceInFlood);

        public async Task HandleAsync(MessageEvent slackEvent, EventContext context, CancellationToken ct)
        {
            var flood = Queue!.IsBusy && InFloodForAWhile();
            var running = Interlocked.Increment(ref _running);
            Raise(ref _mostAtOnce, running);
            if (flood)
            {
                Raise(ref _mostAtOnceInFlood, running);
                Interlocked.Increment(ref _handledInFlood);
            }

            try
            {
                await Task.Delay(2, ct); // long enough for four lanes to overlap if they could
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                Interlocked.Increment(ref _handled);
            }
        }

        // A lane that chose its way just before the flood began may start its handler just after: counted from half a
        // second into the flood, every handler started from a choice made during it.
        private bool InFloodForAWhile()
        {
            Interlocked.CompareExchange(ref _floodSeenAt, System.Diagnostics.Stopwatch.GetTimestamp(), 0);
            return System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _floodSeenAt)) > TimeSpan.FromMilliseconds(500);
        }

        private static void Raise(ref int most, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref most)) < value && Interlocked.CompareExchange(ref most, value, seen) != seen)
            {
            }
        }
    }
}
