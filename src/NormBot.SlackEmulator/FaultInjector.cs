namespace NormBot.SlackEmulator;

/// <summary>
/// Per-method queues of faults, each call consuming one use of the oldest; then chance faults, rolled per call.
/// The method <c>*</c> stands for every method.
/// </summary>
internal sealed class FaultInjector
{
    public const string AnyMethod = "*";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<(EmulatedFault Fault, int Remaining)>> _queues = new(StringComparer.Ordinal);
    private readonly List<(string Method, EmulatedFault Fault, double Chance, Random Dice)> _chances = [];

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

    public void AddRandom(string method, EmulatedFault fault, double chance, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(chance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chance, 1);
        lock (_gate)
        {
            _chances.Add((method, fault, chance, new Random(seed)));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queues.Clear();
            _chances.Clear();
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
            return Dequeue(method) ?? Dequeue(AnyMethod) ?? Roll(method);
        }
    }

    private EmulatedFault? Dequeue(string method)
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

    private EmulatedFault? Roll(string method)
    {
        foreach (var (on, fault, chance, dice) in _chances)
        {
            if ((on == method || on == AnyMethod) && dice.NextDouble() < chance)
            {
                return fault;
            }
        }

        return null;
    }
}
