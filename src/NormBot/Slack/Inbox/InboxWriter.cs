using System.Threading.Channels;
using NormBot.Storage;
using Prometheus;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Gets deliveries into the inbox table. Events on a SQLite file are durable in the <see cref="InboxJournal"/> before
/// their ack and are moved from there in batches; everything else (commands and interactions, which need to know
/// whether they are new, and every delivery on PostgreSQL) is acknowledged once its own commit is done, concurrent
/// callers sharing one transaction.
/// </summary>
/// <remarks>
/// Every acknowledgement that waits for a commit waits on this one loop, so it runs on a thread of its own that Linux
/// favours over the request threads (see <see cref="Nice"/>): a request thread that takes the writer's CPU delays every
/// acknowledgement behind it, while the writer delays none of them.
/// </remarks>
public sealed partial class InboxWriter(InboxStore store, InboxQueue queue, Db db, ILogger<InboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private const int RecoverBatch = 500;

    // Real time on purpose, like the worker's pacing: these pace CPU use, not anything a user sees on the injected clock.
    // Between two commits of journaled events the writer lets more gather, so a flood costs a hundred large transactions
    // a second rather than thousands of small ones; a lone event waits at most this long to be processed.
    private static readonly TimeSpan GatherPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private static readonly Counter Written = Metrics.CreateCounter("normbot_inbox_written_total", "Envelopes written to the inbox.", "outcome");
    private static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "normbot_inbox_batch_size", "Envelopes per inbox commit.", new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 9) });

    private readonly Channel<Pending> _pending = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private InboxJournal? _journal;
    private long _unstored;

    /// <summary>Acknowledged events still only in the journal: the table does not show them yet.</summary>
    public long Unstored => Interlocked.Read(ref _unstored);

    /// <summary>Returns once the event is durable, in the journal or in the table.</summary>
    public Task StoreEventAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        if (_journal?.Append(envelope) is not { } segment)
        {
            return WriteAsync(envelope, ct);
        }

        Interlocked.Increment(ref _unstored);
        var pending = new Pending(envelope, null, segment);
        return _pending.Writer.TryWrite(pending) ? Task.CompletedTask : _pending.Writer.WriteAsync(pending, ct).AsTask();
    }

    /// <summary>Returns once the envelope is committed: true if it is new, false for a retry or replay of one already stored.</summary>
    public Task<bool> WriteAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        var pending = new Pending(envelope, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), null);

        // Not async unless the queue is full: this runs for every event, and the state machine was one more object each.
        return _pending.Writer.TryWrite(pending) ? pending.Done!.Task.WaitAsync(ct) : WhenQueuedAsync(pending, ct);
    }

    private async Task<bool> WhenQueuedAsync(Pending pending, CancellationToken ct)
    {
        await _pending.Writer.WriteAsync(pending, ct);
        return await pending.Done!.Task.WaitAsync(ct);
    }

    /// <summary>Before the worker starts (and the server accepts anything): what a previous run journaled goes into the table.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (InboxJournal.DirectoryFor(db) is { } directory)
        {
            Recover(directory, cancellationToken);
            _journal = InboxJournal.Open(directory);
        }

        await base.StartAsync(cancellationToken);
    }

    private void Recover(string directory, CancellationToken ct)
    {
        foreach (var leftover in InboxJournal.Leftovers(directory))
        {
            var added = 0;
            foreach (var chunk in leftover.Records.Chunk(RecoverBatch))
            {
                // The worker processes unprocessed rows received before it started; duplicates of stored rows are ignored.
                added += store.InsertBatch(chunk, ct).Count(inserted => inserted);
            }

            leftover.Delete();
            Log.Recovered(logger, leftover.Records.Count, added, leftover.Path);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // What the loop had not taken yet goes in now, so a deploy leaves nothing to recover; if it cannot, the next
        // start recovers the journaled events (and Slack retries the others, which were never acknowledged).
        var rest = new List<Pending>(MaxBatch);
        do
        {
            rest.Clear();
            while (rest.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                rest.Add(next);
            }
        }
        while (rest.Count > 0 && Commit(rest, cancellationToken));

        _journal?.Dispose();
    }

    /// <summary>
    /// The writer thread's nice value. When every event's ack waited for its commit, under a flood at 64 connections
    /// on two cores p99 stayed within 1.5x the bare floor's in 52 rounds of 58, against 42 of 58 with the writer on the
    /// thread pool (README, Performance); at 0 its own thread gained nothing, and -20 starved the request threads that
    /// answer once the commit is done. Journaled events no longer wait for it (at 0 they measured the same); commands,
    /// interactions and every delivery on PostgreSQL still do.
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
        while (batch.Count > 0 || WaitToRead(reader, ct))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            var full = batch.Count == MaxBatch;
            if (!Commit(batch, ct))
            {
                // The journaled events stay in the batch (and in their segment) until a commit takes them.
                Pause(RetryPause, ct);
                continue;
            }

            var journaled = batch.Exists(p => p.Segment is not null);
            batch.Clear();
            if (journaled && !full)
            {
                Pause(GatherPause, ct);
            }
        }
    }

    private static void Pause(TimeSpan pause, CancellationToken ct)
    {
        if (ct.WaitHandle.WaitOne(pause))
        {
            ct.ThrowIfCancellationRequested();
        }
    }

    private static bool WaitToRead(ChannelReader<Pending> reader, CancellationToken ct)
    {
        var wait = reader.WaitToReadAsync(ct);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>False when the commit failed: the callers waiting on it are failed, journaled events kept for a retry.</summary>
    private bool Commit(List<Pending> batch, CancellationToken ct)
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

                batch[i].Done?.TrySetResult(inserted[i]);
                if (batch[i].Segment is { } segment)
                {
                    Interlocked.Decrement(ref _unstored);
                    segment.Release();
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The waiting callers answer Slack with an error, so Slack retries: nothing acknowledged is lost.
            Log.CommitFailed(logger, batch.Count, ex);
            foreach (var p in batch)
            {
                p.Done?.TrySetException(ex);
            }

            batch.RemoveAll(p => p.Segment is null);
            return false;
        }
    }

    /// <summary>A delivery on its way to the table: a caller waits on <see cref="Done"/>, or it is journaled in <see cref="Segment"/>.</summary>
    private sealed record Pending(InboxEnvelope Envelope, TaskCompletionSource<bool>? Done, JournalSegment? Segment);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} envelopes to the inbox")]
        public static partial void CommitFailed(ILogger logger, int count, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "The inbox writer runs at normal priority: {Reason}")]
        public static partial void PriorityNotRaised(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered {Count} journaled events ({Added} not yet in the inbox) from {Path}")]
        public static partial void Recovered(ILogger logger, int count, int added, string path);
    }
}
