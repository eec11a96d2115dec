using Microsoft.Extensions.Time.Testing;

namespace NormBot.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows when each timer created on it is due, until it fires or is disposed, so
/// a test can wait until the app waits on the clock (a Retry-After, a backoff) instead of sleeping for a guess.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly HashSet<Timer> _pending = [];

    /// <summary>When each pending timer is due, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return [.. _pending.Select(t => t.Due).Order()];
            }
        }
    }

    /// <summary>Waits until something waits on this clock until <paramref name="due"/>.</summary>
    public async Task TimerDueAsync(DateTimeOffset due)
    {
        var waiting = await Eventually.TrueAsync(() => PendingTimers.Contains(due));
        Assert.That(waiting, Is.True, $"nothing waits on the clock until {due:O}; pending: {string.Join(", ", PendingTimers.Select(t => t.ToString("O")))}");
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this);
        timer.Schedule(dueTime, period);

        // The fake clock may fire a timer due now from inside CreateTimer, before Inner is set: Fired needs no Inner.
        timer.Inner = base.CreateTimer(s => { timer.Fired(); callback(s); }, state, dueTime, period);
        return timer;
    }

    private sealed class Timer(TestClock clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                _period = period;
                Due = clock.GetUtcNow() + dueTime;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    clock._pending.Remove(this);
                }
                else
                {
                    clock._pending.Add(this);
                }
            }
        }

        public void Fired()
        {
            lock (clock._lock)
            {
                if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
                {
                    clock._pending.Remove(this);
                }
                else
                {
                    Due += _period;
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Forget();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Forget();
            return Inner.DisposeAsync();
        }

        private void Forget()
        {
            lock (clock._lock)
            {
                clock._pending.Remove(this);
            }
        }
    }
}
