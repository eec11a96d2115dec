namespace NormBot.Bench.Scale;

/// <summary>
/// Real time shifted to the seeded "now", so a store seeded once reads the same on every run while timers and
/// delays stay real. <see cref="Jump"/> moves it on between timed runs: a digest comes once a period, so the Slack
/// rate pacer (20 permalinks, then one per 0.6 s) finds its bucket refilled after 30 s, as it would in production,
/// rather than make the benchmark measure Slack's limits instead of the stores.
/// </summary>
public sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    private readonly TimeSpan _start = now - System.GetUtcNow();
    private long _jumpedTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _start + TimeSpan.FromTicks(Interlocked.Read(ref _jumpedTicks));

    // The pacer measures intervals on timestamps, not wall time: they jump too.
    public override long GetTimestamp() =>
        System.GetTimestamp() + (long)(Interlocked.Read(ref _jumpedTicks) * (double)TimestampFrequency / TimeSpan.TicksPerSecond);

    public void Jump(TimeSpan by) => Interlocked.Add(ref _jumpedTicks, by.Ticks);
}
