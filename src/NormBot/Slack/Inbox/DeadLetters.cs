using Dapper;
using NormBot.Storage;
using Prometheus;

namespace NormBot.Slack.Inbox;

/// <summary>Envelopes whose processing failed for good (PRODUCT §12): listed, counted, and put back for processing.</summary>
public sealed class DeadLetters(Db db)
{
    private const string SelectAll = """
        SELECT team_id AS TeamId, envelope_id AS EnvelopeId, kind AS Kind, received_at AS ReceivedAt, dead_at AS DeadAt,
               attempts AS Attempts, last_error AS LastError
        FROM slack_inbox
        WHERE dead_at IS NOT NULL
        ORDER BY received_at
        """;

    private const string CountAll = "SELECT COUNT(*) FROM slack_inbox WHERE dead_at IS NOT NULL";

    // Back to a fresh row: the running bot's sweep claims it within seconds, with all its attempts again.
    private const string Requeue = """
        UPDATE slack_inbox SET dead_at = NULL, attempts = 0, not_before = 0, lease_owner = NULL, lease_until = NULL
        WHERE dead_at IS NOT NULL AND (@EnvelopeId IS NULL OR envelope_id = @EnvelopeId)
        """;

    private static readonly Gauge Count = Metrics.CreateGauge("normbot_inbox_dead_letters", "Envelopes kept as dead letters, waiting for `normbot inbox replay`.");

    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Entry>(SelectAll)).ToList();
    }

    /// <summary>Puts one dead letter (by envelope id) or all of them (null) back for processing; returns how many.</summary>
    public async Task<int> ReplayAsync(string? envelopeId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(Requeue, new { EnvelopeId = envelopeId });
    }

    /// <summary>Refreshes <c>normbot_inbox_dead_letters</c> from the store, which every replica shares.</summary>
    public async Task UpdateMetricAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Count.Set(await connection.ExecuteScalarAsync<long>(CountAll));
    }

    public sealed record Entry(string TeamId, string EnvelopeId, string Kind, long ReceivedAt, long DeadAt, long Attempts, string? LastError);
}
