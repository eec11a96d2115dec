using Dapper;
using NormBot.Storage;

namespace NormBot.Slack.Inbox;

/// <summary>SQL for the inbox table: batched inserts that dedupe on the key, pending rows, completion marks.</summary>
public sealed class InboxStore(Db db, TimeProvider time)
{
    private const string Insert = """
        INSERT INTO slack_inbox (team_id, envelope_id, kind, body, received_at)
        VALUES (@TeamId, @EnvelopeId, @Kind, @Body, @ReceivedAt)
        ON CONFLICT (team_id, envelope_id) DO NOTHING
        """;

    private const string SelectPending = """
        SELECT team_id AS TeamId, envelope_id AS EnvelopeId, kind AS Kind, body AS Body, received_at AS ReceivedAt
        FROM slack_inbox
        WHERE processed_at IS NULL AND received_at < @Before
        ORDER BY received_at
        LIMIT @Limit
        """;

    private const string Claim = """
        UPDATE slack_inbox SET attempts = attempts + 1
        WHERE team_id = @TeamId AND envelope_id = @EnvelopeId AND processed_at IS NULL AND attempts = @Attempts
        """;

    private const string MarkDone = """
        UPDATE slack_inbox SET processed_at = @At, last_error = @Error
        WHERE team_id = @TeamId AND envelope_id = @EnvelopeId
        """;

    private const string Purge = "DELETE FROM slack_inbox WHERE processed_at IS NOT NULL AND processed_at < @Before";

    /// <summary>Writes a batch in one transaction; returns, per envelope, whether it was new (false = a retry or replay).</summary>
    public async Task<bool[]> InsertBatchAsync(IReadOnlyList<InboxEnvelope> batch, CancellationToken ct)
    {
        var inserted = new bool[batch.Count];
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            inserted[i] = await connection.ExecuteAsync(Insert, batch[i], tx) == 1;
        }

        await tx.CommitAsync(ct);
        return inserted;
    }

    /// <summary>Envelopes a previous run acknowledged but never finished (crash, deploy).</summary>
    public async Task<IReadOnlyList<InboxEnvelope>> PendingAsync(DateTimeOffset receivedBefore, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<InboxEnvelope>(SelectPending, new { Before = receivedBefore.ToUnixTimeMilliseconds(), Limit = limit });
        return rows.ToList();
    }

    /// <summary>Takes a recovered row for this process only, so two replicas recovering together process it once.</summary>
    public async Task<bool> TryClaimAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var attempts = await connection.ExecuteScalarAsync<long>(
            "SELECT attempts FROM slack_inbox WHERE team_id = @TeamId AND envelope_id = @EnvelopeId", envelope);
        return await connection.ExecuteAsync(Claim, new { envelope.TeamId, envelope.EnvelopeId, Attempts = attempts }) == 1;
    }

    public async Task MarkProcessedAsync(IReadOnlyList<(InboxEnvelope Envelope, string? Error)> done, CancellationToken ct)
    {
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (envelope, error) in done)
        {
            await connection.ExecuteAsync(MarkDone, new { envelope.TeamId, envelope.EnvelopeId, At = at, Error = error }, tx);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Processed rows are only kept as long as Slack may still retry (about 5 minutes) plus a wide margin.</summary>
    public async Task<int> PurgeProcessedAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(Purge, new { Before = before.ToUnixTimeMilliseconds() });
    }
}
