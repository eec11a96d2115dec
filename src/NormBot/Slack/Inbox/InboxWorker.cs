using Prometheus;
using NormBot.Slack.Handlers;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Processes committed envelopes after Slack has its ack: first whatever a previous run left
/// unfinished, then each lane in order. One bad envelope is logged and marked; it never stops the host.
/// </summary>
public sealed partial class InboxWorker(
    InboxQueue queue, InboxStore store, IServiceScopeFactory scopes, TimeProvider time, ILogger<InboxWorker> logger) : BackgroundService
{
    private const int MarkBatch = 64;

    private static readonly Counter Processed = Metrics.CreateCounter("normbot_inbox_processed_total", "Envelopes processed.", "kind", "outcome");
    private static readonly Histogram Lag = Metrics.CreateHistogram("normbot_inbox_lag_seconds", "From receipt to processed.");

    // Real time on purpose: these pace CPU use, not anything a user sees on the injected clock.
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        await RecoverAsync(startedAt, stoppingToken);
        await Task.WhenAll(Enumerable.Range(0, queue.LaneCount).Select(i => RunLaneAsync(i, stoppingToken)).Append(SweepAsync(stoppingToken)));
    }

    /// <summary>Processes envelopes that overflowed the lanes, from the inbox table, once the lanes are empty.</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(SweepEvery, TimeProvider.System, ct);
            if (queue.Overflowed && queue.IsIdle && !queue.IsBusy)
            {
                queue.ClearOverflow();
                await RecoverAsync(DateTimeOffset.FromUnixTimeMilliseconds(queue.OverflowUpTo + 1), ct);
            }
        }
    }

    private async Task RecoverAsync(DateTimeOffset startedAt, CancellationToken ct)
    {
        try
        {
            IReadOnlyList<InboxEnvelope> pending;
            while ((pending = await store.PendingAsync(startedAt, 500, ct)).Count > 0)
            {
                Log.Recovering(logger, pending.Count);
                var done = new List<(InboxEnvelope, string?)>();
                foreach (var envelope in pending)
                {
                    if (await store.TryClaimAsync(envelope, ct))
                    {
                        done.Add((envelope, await ProcessAsync(envelope, ct)));
                        await YieldToAcksAsync(ct);
                    }
                }

                await store.MarkProcessedAsync(done, ct);
                if (done.Count == 0)
                {
                    break; // another replica holds them
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RecoveryFailed(logger, ex);
        }
    }

    private async Task RunLaneAsync(int lane, CancellationToken ct)
    {
        var reader = queue.Lane(lane);
        var done = new List<(InboxEnvelope, string?)>(MarkBatch);
        while (await reader.WaitToReadAsync(ct))
        {
            while (done.Count < MarkBatch && reader.TryRead(out var envelope))
            {
                done.Add((envelope, await ProcessAsync(envelope, ct)));
                await YieldToAcksAsync(ct);
            }

            try
            {
                await store.MarkProcessedAsync(done, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unmarked rows are processed again at the next start; effects are idempotent by key.
                Log.MarkFailed(logger, done.Count, ex);
            }

            queue.Finished(done.Count);
            done.Clear();
        }
    }

    /// <summary>
    /// During a flood, leaves the CPU to the acknowledgements: Slack's 3-second window is the hard deadline,
    /// while processing (lanes, the sweep and recovery alike) can catch up from the durable inbox a moment later.
    /// </summary>
    private Task YieldToAcksAsync(CancellationToken ct) =>
        queue.IsBusy ? Task.Delay(BusyPause, TimeProvider.System, ct) : Task.CompletedTask;

    /// <summary>Runs the envelope's handlers; returns the error to record, or null.</summary>
    private async Task<string?> ProcessAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlackDispatcher>().DispatchAsync(envelope, ct);
            Processed.WithLabels(envelope.Kind, "ok").Inc();
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Processed.WithLabels(envelope.Kind, "error").Inc();
            Log.Failed(logger, envelope.Kind, envelope.EnvelopeId, ex);
            return ex.GetType().Name;
        }
        finally
        {
            Lag.Observe(Math.Max(0, (time.GetUtcNow().ToUnixTimeMilliseconds() - envelope.ReceivedAt) / 1000.0));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Processing {Count} envelopes from the inbox table (left by an earlier run, or overflowed during a flood)")]
        public static partial void Recovering(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Inbox recovery failed")]
        public static partial void RecoveryFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} envelopes processed")]
        public static partial void MarkFailed(ILogger logger, int count, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Kind} {EnvelopeId} failed")]
        public static partial void Failed(ILogger logger, string kind, string envelopeId, Exception exception);
    }
}
