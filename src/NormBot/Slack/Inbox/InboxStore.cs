using System.Data;
using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using NormBot.Storage;
using SQLitePCL;

namespace NormBot.Slack.Inbox;

/// <summary>SQL for the inbox table: batched inserts that dedupe on the key, due rows, leases, completion marks.</summary>
public sealed class InboxStore(Db db, Leases leases, TimeProvider time)
{
    private const string Insert = """
        INSERT INTO slack_inbox (team_id, envelope_id, kind, body, received_at)
        VALUES (@TeamId, @EnvelopeId, @Kind, @Body, @ReceivedAt)
        ON CONFLICT (team_id, envelope_id) DO NOTHING
        """;

    // Due: not finished, not dead, its backoff over, and nobody's live claim on it.
    private const string SelectDue = """
        SELECT team_id AS TeamId, envelope_id AS EnvelopeId, kind AS Kind, body AS Body, received_at AS ReceivedAt, attempts AS Attempts
        FROM slack_inbox
        WHERE processed_at IS NULL AND dead_at IS NULL AND received_at < @Before AND not_before <= @Now
          AND (lease_until IS NULL OR lease_until < @Now)
        ORDER BY received_at
        LIMIT @Limit
        """;

    // Compare-and-swap on the lease: of two processes claiming one row, the second finds it leased and changes nothing.
    private const string Claim = """
        UPDATE slack_inbox SET lease_owner = @Owner, lease_until = @Until, attempts = attempts + 1
        WHERE team_id = @TeamId AND envelope_id = @EnvelopeId AND processed_at IS NULL AND dead_at IS NULL
          AND not_before <= @Now AND (lease_until IS NULL OR lease_until < @Now)
        """;

    private const string Complete = """
        UPDATE slack_inbox
        SET processed_at = @ProcessedAt, dead_at = @DeadAt, not_before = @NotBefore, last_error = @Error, lease_owner = NULL, lease_until = NULL
        WHERE team_id = @TeamId AND envelope_id = @EnvelopeId AND lease_owner = @Owner
        """;

    private const string Release = """
        UPDATE slack_inbox SET lease_owner = NULL, lease_until = NULL
        WHERE lease_owner = @Owner AND processed_at IS NULL
        """;

    /// <summary>How long a claim holds.</summary>
    public TimeSpan Lease => leases.Duration;

    private string Owner => leases.Owner;

    /// <summary>Writes a batch in one transaction; returns, per envelope, whether it was new (false = a retry or replay).</summary>
    public async Task<bool[]> InsertBatchAsync(IReadOnlyList<InboxEnvelope> batch, CancellationToken ct)
    {
        var inserted = new bool[batch.Count];
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (connection is SqliteConnection sqlite)
        {
            InsertSqlite(sqlite, batch, inserted);
        }
        else
        {
            await InsertPortableAsync(connection, tx, batch, inserted, ct);
        }

        await tx.CommitAsync(ct);
        return inserted;
    }

    // The ack path's hot loop on SQLite, one statement for the batch, straight to the engine through SQLitePCL (the
    // layer Microsoft.Data.Sqlite itself calls). Microsoft.Data.Sqlite would bind the body's bytes as a blob, so it
    // needed a string, re-encoded to UTF-8 on every bind, and it allocates a reader and a binder per parameter per row;
    // here the request's own bytes are bound as text. The transaction began IMMEDIATE, so a step cannot meet a lock.
    private static void InsertSqlite(SqliteConnection connection, IReadOnlyList<InboxEnvelope> batch, bool[] inserted)
    {
        var handle = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(handle, Insert, out var statement), handle);
        using (statement)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                // Parameters are numbered in the order they first appear in the SQL.
                var e = batch[i];
                Check(raw.sqlite3_bind_text16(statement, 1, e.TeamId), handle);
                Check(raw.sqlite3_bind_text16(statement, 2, e.EnvelopeId), handle);
                Check(raw.sqlite3_bind_text16(statement, 3, e.Kind), handle);
                Check(raw.sqlite3_bind_text(statement, 4, e.Body), handle);
                Check(raw.sqlite3_bind_int64(statement, 5, e.ReceivedAt), handle);
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                inserted[i] = raw.sqlite3_changes(handle) == 1;
                Check(raw.sqlite3_reset(statement), handle);
            }
        }
    }

    private static void Check(int rc, SQLitePCL.sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private static async Task InsertPortableAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<InboxEnvelope> batch, bool[] inserted, CancellationToken ct)
    {
        // One prepared statement for the whole batch, not one parse per row.
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = Insert;
        // Typed up front: PostgreSQL prepares against the parameters' types, before any value is set.
        var teamId = Parameter(command, "@TeamId", DbType.String);
        var envelopeId = Parameter(command, "@EnvelopeId", DbType.String);
        var kind = Parameter(command, "@Kind", DbType.String);
        var body = Parameter(command, "@Body", DbType.String);
        var receivedAt = Parameter(command, "@ReceivedAt", DbType.Int64);
        await command.PrepareAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i];
            (teamId.Value, envelopeId.Value, kind.Value, body.Value, receivedAt.Value) = (e.TeamId, e.EnvelopeId, e.Kind, Encoding.UTF8.GetString(e.Body), e.ReceivedAt);
            inserted[i] = await command.ExecuteNonQueryAsync(ct) == 1;
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// Stored envelopes no live process holds, received before <paramref name="receivedBefore"/>: left by an earlier
    /// run or a dead replica, overflowed during a flood, or due for another attempt.
    /// </summary>
    public async Task<IReadOnlyList<InboxEnvelope>> DueAsync(DateTimeOffset receivedBefore, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<PendingRow>(SelectDue, new
        {
            Before = receivedBefore.ToUnixTimeMilliseconds(), Now = time.GetUtcNow().ToUnixTimeMilliseconds(), Limit = limit,
        });
        return rows.Select(r => new InboxEnvelope(r.TeamId, r.EnvelopeId, r.Kind, Encoding.UTF8.GetBytes(r.Body), r.ReceivedAt) { Attempts = r.Attempts }).ToList();
    }

    /// <summary>Leases the envelope to this process; false when it is finished, dead, not yet due, or another process holds it.</summary>
    public async Task<bool> TryClaimAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(Claim, new
        {
            envelope.TeamId, envelope.EnvelopeId, Owner, Now = now.ToUnixTimeMilliseconds(), Until = (now + leases.Duration).ToUnixTimeMilliseconds(),
        }) == 1;
    }

    /// <summary>Records what became of claimed envelopes and drops the claims; a claim another process took over is left to it.</summary>
    public async Task CompleteAsync(IReadOnlyList<(InboxEnvelope Envelope, InboxOutcome Outcome)> done, CancellationToken ct)
    {
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (envelope, outcome) in done)
        {
            await connection.ExecuteAsync(Complete, new
            {
                envelope.TeamId, envelope.EnvelopeId, Owner, outcome.Error,
                ProcessedAt = outcome.Finished ? at : (long?)null,
                DeadAt = outcome.Dead ? at : (long?)null,
                NotBefore = outcome.RetryAt?.ToUnixTimeMilliseconds() ?? 0,
            }, tx);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Gives up this process's claims on envelopes it has not finished (at shutdown), so no one waits for them to expire.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Release, new { Owner });
    }

    private sealed record PendingRow(string TeamId, string EnvelopeId, string Kind, string Body, long ReceivedAt, long Attempts);
}
