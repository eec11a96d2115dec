using System.Threading.Channels;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Committed envelopes waiting for the worker, in lanes: events of one channel stay in order
/// (an edit after its message), and commands and interactions never wait behind an event backlog.
/// </summary>
public sealed class InboxQueue
{
    public const int EventLanes = 4;

    private readonly Channel<InboxEnvelope>[] _lanes = Enumerable.Range(0, EventLanes + 1)
        .Select(_ => Channel.CreateUnbounded<InboxEnvelope>(new UnboundedChannelOptions { SingleReader = true }))
        .ToArray();

    public int LaneCount => _lanes.Length;

    public ChannelReader<InboxEnvelope> Lane(int index) => _lanes[index].Reader;

    public void Enqueue(InboxEnvelope envelope) => _lanes[LaneOf(envelope)].Writer.TryWrite(envelope);

    private static int LaneOf(InboxEnvelope envelope)
    {
        if (envelope.Kind != InboxEnvelope.Event)
        {
            return EventLanes;
        }

        var channel = envelope.Channel ?? ChannelKey.Of(envelope.Body);
        return (int)((uint)string.GetHashCode(channel, StringComparison.Ordinal) % EventLanes);
    }
}
