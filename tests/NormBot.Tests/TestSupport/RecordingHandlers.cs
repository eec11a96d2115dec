using System.Collections.Concurrent;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Tests.TestSupport;

/// <summary>An event handler that records what reached it, to prove the transport delivered (once).</summary>
public sealed class RecordingMessageHandler : IEventHandler<MessageEvent>
{
    public ConcurrentQueue<(MessageEvent Event, EventContext Context)> Received { get; } = new();

    public Task HandleAsync(MessageEvent slackEvent, EventContext context, CancellationToken ct)
    {
        Received.Enqueue((slackEvent, context));
        return Task.CompletedTask;
    }
}
