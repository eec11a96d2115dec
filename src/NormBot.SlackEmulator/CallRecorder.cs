namespace NormBot.SlackEmulator;

/// <summary>Thread-safe call log with waiters, so tests can await a call the bot makes asynchronously.</summary>
internal sealed class CallRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<Waiter> _waiters = [];

    public IReadOnlyList<RecordedCall> Snapshot()
    {
        lock (_gate)
        {
            return [.. _calls];
        }
    }

    public void Record(RecordedCall call)
    {
        List<TaskCompletionSource<RecordedCall>> satisfied;
        lock (_gate)
        {
            _calls.Add(call);
            var hits = _waiters.Where(w => w.Method == call.Method && w.Match(call)).ToList();
            _waiters.RemoveAll(hits.Contains);
            satisfied = [.. hits.Select(h => h.Done)];
        }

        // Completed outside the lock: continuations may run inline and call back into the recorder.
        foreach (var done in satisfied)
        {
            done.TrySetResult(call);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>Returns the first matching call already recorded, or waits for the next one.</summary>
    public async Task<RecordedCall> WaitAsync(string method, Func<RecordedCall, bool>? match, TimeSpan? timeout)
    {
        var predicate = match ?? (_ => true);
        var entry = new Waiter(method, predicate, new TaskCompletionSource<RecordedCall>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            var existing = _calls.Find(c => c.Method == method && predicate(c));
            if (existing is not null)
            {
                return existing;
            }

            _waiters.Add(entry);
        }

        var wait = timeout ?? TimeSpan.FromSeconds(10);
        try
        {
            return await entry.Done.Task.WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(entry);
            }

            var seen = Snapshot();
            var list = seen.Count == 0 ? "(none)" : string.Join(Environment.NewLine, seen.Select(c => "  " + c));
            throw new TimeoutException($"No matching '{method}' call within {wait}. Calls seen:{Environment.NewLine}{list}");
        }
    }

    private sealed record Waiter(string Method, Func<RecordedCall, bool> Match, TaskCompletionSource<RecordedCall> Done);
}
