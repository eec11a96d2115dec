using System.Threading.Channels;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Committed envelopes waiting for the worker, in lanes: events of one channel stay in order
/// (an edit after its message), and commands and interactions never wait behind an event backlog.
/// Lanes are bounded: under a flood the envelopes stay in the durable inbox only and are swept from
/// there once the lanes drain, so memory does not grow with the backlog.
/// </summary>
/// <param name="pacingClock">Real time by default, whatever clock the app runs on: the flood signal paces CPU use.</param>
public sealed class InboxQueue(TimeProvider? pacingClock = null)
{
    public const int EventLanes = 4;
    public const int LaneCapacity = 500;

    // Slack sends a workspace at most 30,000 events an hour (about 8 a second); far above that is a
    // flood (a replay, a load test), when acknowledging promptly matters more than processing promptly.
    private const int BusyPerSecond = 300;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private readonly Channel<InboxEnvelope>[] _lanes = Enumerable.Range(0, EventLanes + 1)
        .Select(i => i < EventLanes
            ? Channel.CreateBounded<InboxEnvelope>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })
            : Channel.CreateUnbounded<InboxEnvelope>(new UnboundedChannelOptions { SingleReader = true }))
        .ToArray();

    private long _unfinished;
    private readonly TimeProvider _clock = pacingClock ?? TimeProvider.System;
    private long _windowStart = (pacingClock ?? TimeProvider.System).GetTimestamp();
    private int _windowCount;
    private volatile bool _busy;
    private volatile bool _overflowed;
    private long _overflowUpTo;

    public int LaneCount => _lanes.Length;

    /// <summary>Some committed envelopes did not fit in the lanes and wait in the inbox table.</summary>
    public bool Overflowed => _overflowed;

    /// <summary>The newest receipt time (unix ms) among overflowed envelopes: the sweep takes rows up to it.</summary>
    public long OverflowUpTo => Interlocked.Read(ref _overflowUpTo);

    /// <summary>Nothing queued or in processing: every committed envelope so far is marked processed or overflowed.</summary>
    public bool IsIdle => Interlocked.Read(ref _unfinished) == 0;

    /// <summary>Envelopes are arriving far faster than Slack ever sends them.</summary>
    public bool IsBusy => _busy && !IsQuiet();

    public ChannelReader<InboxEnvelope> Lane(int index) => _lanes[index].Reader;

    public void Enqueue(InboxEnvelope envelope)
    {
        Interlocked.Increment(ref _unfinished);
        if (!_lanes[LaneOf(envelope)].Writer.TryWrite(envelope))
        {
            Interlocked.Decrement(ref _unfinished);
            long seen;
            while ((seen = Interlocked.Read(ref _overflowUpTo)) < envelope.ReceivedAt
                   && Interlocked.CompareExchange(ref _overflowUpTo, envelope.ReceivedAt, seen) != seen)
            {
            }

            _overflowed = true;
        }
    }

    /// <summary>The worker finished (and marked) this many envelopes.</summary>
    public void Finished(int count) => Interlocked.Add(ref _unfinished, -count);

    public void ClearOverflow() => _overflowed = false;

    /// <summary>
    /// Counts deliveries towards the flood signal, retries and replays included: a storm of duplicates costs
    /// the ack path as much as new events do, so processing must yield to it all the same.
    /// </summary>
    public void NoteArrivals(int count)
    {
        var now = _clock.GetTimestamp();
        if (_clock.GetElapsedTime(Interlocked.Read(ref _windowStart), now) > Window)
        {
            _busy = Interlocked.Exchange(ref _windowCount, 0) * (TimeSpan.TicksPerSecond / Window.Ticks) > BusyPerSecond;
            Interlocked.Exchange(ref _windowStart, now);
        }

        Interlocked.Add(ref _windowCount, count);
    }

    private bool IsQuiet() => _clock.GetElapsedTime(Interlocked.Read(ref _windowStart)) > 2 * Window;

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
