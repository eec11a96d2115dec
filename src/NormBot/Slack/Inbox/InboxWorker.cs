using Microsoft.Extensions.Options;
using NormBot.Slack.Handlers;
using NormBot.Storage;
using Prometheus;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Processes committed envelopes after Slack has its ack: first whatever a previous run left unfinished, then each
/// lane in order, while a sweep picks up what no live process holds (overflow, a dead replica's rows, retries). Every
/// envelope is claimed with a lease before it is handled (PRODUCT §15), so replicas on one store handle it once.
/// One bad envelope is logged and kept; it never stops the host.
/// </summary>
public sealed partial class InboxWorker(
    InboxQueue queue, InboxStore store, DeadLetters deadLetters, IServiceScopeFactory scopes, IOptions<StorageOptions> options, TimeProvider time,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private const int MarkBatch = 64;

    private static readonly Counter Processed = Metrics.CreateCounter("normbot_inbox_processed_total", "Envelopes processed.", "kind", "outcome");
    private static readonly Histogram Lag = Metrics.CreateHistogram("normbot_inbox_lag_seconds", "From receipt to processed.");

    // Real time on purpose: these pace CPU use, not anything a user sees on the injected clock.
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    // Rows younger than this are left to the process that stored them (its lanes have them, in channel order).
    private static readonly TimeSpan OthersFirst = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _floodTurn = new(1, 1);

    private readonly int _maxAttempts = options.Value.InboxMaxAttempts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        var recovered = await RunDueAsync(startedAt, stoppingToken);
        await Task.WhenAll(Enumerable.Range(0, queue.LaneCount).Select(i => RunLaneAsync(i, stoppingToken)).Append(SweepAsync(startedAt, recovered, stoppingToken)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.ReleaseAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The host is being torn down around us (a test's app): the claims expire on their own.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ReleaseFailed(logger, ex); // the claims expire on their own
        }
    }

    /// <summary>
    /// Once the lanes are empty, processes what is due in the inbox table: overflow, retries, a dead process's rows.
    /// A start-up recovery that failed (the store was not reachable yet) is tried again here until it succeeds.
    /// </summary>
    private async Task SweepAsync(DateTimeOffset startedAt, bool recovered, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(SweepEvery, TimeProvider.System, ct);
            if (!recovered)
            {
                recovered = await RunDueAsync(startedAt, ct);
            }
            else if (queue.IsIdle && !queue.IsBusy)
            {
                var before = time.GetUtcNow() - OthersFirst;
                if (queue.Overflowed)
                {
                    queue.ClearOverflow();
                    before = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(before.ToUnixTimeMilliseconds(), queue.OverflowUpTo + 1));
                }

                await RunDueAsync(before, ct);
            }
        }
    }

    /// <summary>Claims and processes due rows received before <paramref name="receivedBefore"/>; false if the store failed.</summary>
    private async Task<bool> RunDueAsync(DateTimeOffset receivedBefore, CancellationToken ct)
    {
        try
        {
            IReadOnlyList<InboxEnvelope> due;
            while ((due = await store.DueAsync(receivedBefore, 500, ct)).Count > 0)
            {
                Log.Recovering(logger, due.Count);
                var done = new List<(InboxEnvelope, InboxOutcome)>();
                foreach (var envelope in due)
                {
                    await ClaimAndProcessAsync(envelope, done, ct);
                    if (done.Count >= MarkBatch)
                    {
                        await store.CompleteAsync(done, ct);
                        done.Clear();
                    }
                }

                await store.CompleteAsync(done, ct);
                if (due.Count < 500)
                {
                    break;
                }
            }

            await deadLetters.UpdateMetricAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RecoveryFailed(logger, ex);
            return false;
        }
    }

    private async Task RunLaneAsync(int lane, CancellationToken ct)
    {
        var reader = queue.Lane(lane);
        var done = new List<(InboxEnvelope, InboxOutcome)>(MarkBatch);
        while (await reader.WaitToReadAsync(ct))
        {
            // The batch is marked well inside the lease, so no other process takes over a row that is handled.
            var batchStart = time.GetTimestamp();
            var taken = 0;
            while (taken < MarkBatch && time.GetElapsedTime(batchStart) < store.Lease / 4 && reader.TryRead(out var envelope))
            {
                taken++;
                await ClaimAndProcessAsync(envelope, done, ct);
            }

            try
            {
                await store.CompleteAsync(done, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The rows stay claimed until the lease expires, then the sweep processes them again; effects are keyed.
                Log.MarkFailed(logger, done.Count, ex);
            }

            queue.Finished(taken);
            done.Clear();
        }
    }

    /// <summary>
    /// During a flood the event lanes (and the sweep) take turns: one envelope at a time, then a pause, so processing
    /// never holds more than one connection or core against the acknowledgements. Slack's 3-second window is the hard
    /// deadline; processing catches up from the durable inbox a moment later. Commands and interactions never wait.
    /// </summary>
    /// <remarks>
    /// With each lane pausing on its own instead, four ran side by side during a flood: bench/run.sh at 64 connections
    /// gave 0.64x and 0.71x the floor's requests/s against 0.90x and 0.87x with turns, in the same two runs
    /// (docs/benchmark.md).
    /// </remarks>
    private async Task ClaimAndProcessAsync(InboxEnvelope envelope, List<(InboxEnvelope, InboxOutcome)> done, CancellationToken ct)
    {
        if (!queue.IsBusy || envelope.Kind != InboxEnvelope.Event)
        {
            await ClaimAndRunAsync(envelope, done, ct);
            return;
        }

        await _floodTurn.WaitAsync(ct);
        try
        {
            if (await ClaimAndRunAsync(envelope, done, ct))
            {
                await Task.Delay(BusyPause, TimeProvider.System, ct);
            }
        }
        finally
        {
            _floodTurn.Release();
        }
    }

    /// <summary>Claims the envelope and runs it; false if it was not this process's to run (or the claim failed).</summary>
    private async Task<bool> ClaimAndRunAsync(InboxEnvelope envelope, List<(InboxEnvelope, InboxOutcome)> done, CancellationToken ct)
    {
        try
        {
            if (!await store.TryClaimAsync(envelope, ct))
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ClaimFailed(logger, envelope.EnvelopeId, ex); // still stored and unclaimed: the sweep tries it later
            return false;
        }

        // The claim counted this attempt.
        done.Add((envelope, await ProcessAsync(envelope, envelope.Attempts + 1, ct)));
        return true;
    }

    /// <summary>Runs the envelope's handlers; returns what to record.</summary>
    private async Task<InboxOutcome> ProcessAsync(InboxEnvelope envelope, long attempt, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlackDispatcher>().DispatchAsync(envelope, ct);
            Processed.WithLabels(envelope.Kind, "ok").Inc();
            return InboxOutcome.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var outcome = InboxRetries.After(ex, attempt, _maxAttempts, time.GetUtcNow());
            if (outcome.Dead)
            {
                Processed.WithLabels(envelope.Kind, "dead").Inc();
                Log.DeadLetter(logger, envelope.Kind, envelope.EnvelopeId, attempt, ex);
            }
            else if (outcome.RetryAt is { } retryAt)
            {
                Processed.WithLabels(envelope.Kind, "retry").Inc();
                Log.WillRetry(logger, envelope.Kind, envelope.EnvelopeId, attempt, retryAt, outcome.Error);
            }
            else
            {
                Processed.WithLabels(envelope.Kind, "error").Inc();
                Log.Failed(logger, envelope.Kind, envelope.EnvelopeId, outcome.Error);
            }

            return outcome;
        }
        finally
        {
            Lag.Observe(Math.Max(0, (time.GetUtcNow().ToUnixTimeMilliseconds() - envelope.ReceivedAt) / 1000.0));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Processing {Count} envelopes from the inbox table (left by an earlier run or another replica, overflowed, or due again)")]
        public static partial void Recovering(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Reading the inbox table failed; trying again in a second")]
        public static partial void RecoveryFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} envelopes processed")]
        public static partial void MarkFailed(ILogger logger, int count, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim envelope {EnvelopeId}; it stays in the inbox for the sweep")]
        public static partial void ClaimFailed(ILogger logger, string envelopeId, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release this process's inbox claims; they expire on their own")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {Kind} {EnvelopeId} failed ({Error}) on attempt {Attempt}; trying again at {RetryAt}")]
        public static partial void WillRetry(ILogger logger, string kind, string envelopeId, long attempt, DateTimeOffset retryAt, string? error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {Kind} {EnvelopeId} failed for good ({Error}); not retried")]
        public static partial void Failed(ILogger logger, string kind, string envelopeId, string? error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Kind} {EnvelopeId} failed on attempt {Attempt}; kept as a dead letter (normbot inbox list, normbot inbox replay)")]
        public static partial void DeadLetter(ILogger logger, string kind, string envelopeId, long attempt, Exception exception);
    }
}
