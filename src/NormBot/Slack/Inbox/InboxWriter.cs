using System.Threading.Channels;
using Prometheus;

namespace NormBot.Slack.Inbox;

/// <summary>
/// The ack path's only I/O: callers wait until their envelope is committed, and concurrent callers
/// share one transaction, so a burst of events costs one commit rather than one each.
/// </summary>
/// <remarks>
/// Every acknowledgement in flight waits on this one loop, so it runs on a thread of its own that Linux favours
/// over the request threads (see <see cref="Nice"/>): a request thread that takes the writer's CPU delays every
/// acknowledgement behind it, while the writer delays none of them.
/// </remarks>
public sealed partial class InboxWriter(InboxStore store, InboxQueue queue, ILogger<InboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private static readonly Counter Written = Metrics.CreateCounter("normbot_inbox_written_total", "Envelopes written to the inbox.", "outcome");
    private static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "normbot_inbox_batch_size", "Envelopes per inbox commit.", new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 9) });

    private readonly Channel<Pending> _pending = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { SingleReader = true });

    /// <summary>Returns once the envelope is durable: true if it is new, false for a retry or replay of one already stored.</summary>
    public Task<bool> WriteAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        var pending = new Pending(envelope, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));

        // Not async unless the queue is full: this runs for every event, and the state machine was one more object each.
        return _pending.Writer.TryWrite(pending) ? pending.Done.Task.WaitAsync(ct) : WhenQueuedAsync(pending, ct);
    }

    private async Task<bool> WhenQueuedAsync(Pending pending, CancellationToken ct)
    {
        await _pending.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// The writer thread's nice value. Under a flood at 64 connections on two cores, p99 stayed within 1.5x the bare
    /// floor's in 52 rounds of 58, against 42 of 58 with the writer on the thread pool (README, Performance); at 0 its
    /// own thread gained nothing, and -20 starved the request threads that answer once the commit is done.
    /// </summary>
    public const int Nice = -10;

    /// <summary>The writer thread's kernel id, once it runs (0 before, and off Linux).</summary>
    public int ThreadId { get; private set; }

    // A thread of its own, as the WAL checkpointer's loop has: its priority is this thread's alone.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken ct)
    {
        Thread.CurrentThread.Name = "inbox-writer";
        ThreadId = OsThreadPriority.CurrentThreadId();
        if (OsThreadPriority.TrySetCurrent(Nice) is { } why)
        {
            Log.PriorityNotRaised(logger, why);
        }

        var batch = new List<Pending>(MaxBatch);
        var reader = _pending.Reader;
        while (WaitToRead(reader, ct))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            Commit(batch, ct);
            batch.Clear();
        }
    }

    private static bool WaitToRead(ChannelReader<Pending> reader, CancellationToken ct)
    {
        var wait = reader.WaitToReadAsync(ct);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Commit(List<Pending> batch, CancellationToken ct)
    {
        queue.NoteArrivals(batch.Count);
        try
        {
            var inserted = store.InsertBatch(batch.ConvertAll(p => p.Envelope), ct);
            BatchSize.Observe(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                Written.WithLabels(inserted[i] ? "new" : "duplicate").Inc();
                if (inserted[i])
                {
                    queue.Enqueue(batch[i].Envelope);
                }

                batch[i].Done.TrySetResult(inserted[i]);
            }
        }
        catch (Exception ex)
        {
            // The callers answer Slack with an error, so Slack retries: nothing acknowledged is lost.
            Log.CommitFailed(logger, batch.Count, ex);
            foreach (var p in batch)
            {
                p.Done.TrySetException(ex);
            }
        }
    }

    private sealed record Pending(InboxEnvelope Envelope, TaskCompletionSource<bool> Done);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} envelopes to the inbox")]
        public static partial void CommitFailed(ILogger logger, int count, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "The inbox writer runs at normal priority: {Reason}")]
        public static partial void PriorityNotRaised(ILogger logger, string reason);
    }
}
