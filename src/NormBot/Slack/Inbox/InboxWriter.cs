using System.Threading.Channels;
using Prometheus;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Makes every delivery (event, command, interaction; SQLite or PostgreSQL) durable in the inbox table before it is
/// acknowledged. One loop commits whatever has arrived since its last commit in one transaction (group commit), so
/// under load a commit serves dozens of acknowledgements, and a lone delivery waits for a transaction of its own.
/// </summary>
/// <remarks>
/// The file journal, raised thread priority and background WAL checkpointer that once shortened this path's tail
/// were removed: what each bought, and what the benchmark showed without them, is in docs/benchmark.md.
/// </remarks>
public sealed partial class InboxWriter(InboxStore store, InboxQueue queue, ILogger<InboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private static readonly Counter Written = Metrics.CreateCounter("normbot_inbox_written_total", "Envelopes written to the inbox.", "outcome");
    private static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "normbot_inbox_batch_size", "Envelopes per inbox commit.", new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 9) });

    private readonly Channel<Pending> _pending = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { SingleReader = true });

    /// <summary>Returns once the envelope is committed: true if it is new, false for a retry or replay of one already stored.</summary>
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

    /// <summary>Takes no more deliveries (they are answered with an error, so Slack retries) and commits those queued.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    // Runs until the queue is completed and empty, not until the stopping token: every queued caller gets its answer.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _pending.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        queue.NoteArrivals(batch.Count);
        try
        {
            var inserted = await store.InsertBatchAsync(batch.ConvertAll(p => p.Envelope), CancellationToken.None);
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
            // The waiting callers answer Slack with an error, so Slack retries: nothing acknowledged is lost.
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
    }
}
