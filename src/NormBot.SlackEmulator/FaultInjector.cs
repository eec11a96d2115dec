namespace NormBot.SlackEmulator;

/// <summary>Per-method queues of faults; each call consumes one use of the oldest queued fault.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<(EmulatedFault Fault, int Remaining)>> _queues = new(StringComparer.Ordinal);

    public void Add(string method, EmulatedFault fault, int times)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            if (!_queues.TryGetValue(method, out var queue))
            {
                _queues[method] = queue = new();
            }

            queue.Enqueue((fault, times));
        }
    }

    /// <summary>Uses of injected faults that calls to <paramref name="method"/> have not consumed yet.</summary>
    public int Pending(string method)
    {
        lock (_gate)
        {
            return _queues.TryGetValue(method, out var queue) ? queue.Sum(q => q.Remaining) : 0;
        }
    }

    public EmulatedFault? Take(string method)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(method, out var queue) || queue.Count == 0)
            {
                return null;
            }

            var (fault, remaining) = queue.Dequeue();
            if (remaining > 1)
            {
                // Re-queue at the front: Queue has no such operation, so rebuild it preserving order.
                var rest = queue.ToList();
                queue.Clear();
                queue.Enqueue((fault, remaining - 1));
                rest.ForEach(queue.Enqueue);
            }

            return fault;
        }
    }
}
