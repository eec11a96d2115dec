using System.Data.Common;
using Dapper;
using NormBot.Storage;

namespace NormBot.Slack.Outbox;

/// <summary>
/// Nudges and DMs are written here in the same transaction as the decision to send them, so a
/// restart between deciding and sending loses nothing and sends nothing twice.
/// </summary>
public sealed class SlackOutbox(Db db, TimeProvider time) : IDisposable
{
    /// <summary>Beyond this many unsent messages new ones are refused: Slack is down or refusing us, and a flood on its return helps nobody.</summary>
    public const int MaxPending = 10_000;

    private const string Insert = """
        INSERT INTO slack_outbox (team_id, id, method, body, created_at, not_before, receipt)
        VALUES (@TeamId, @Id, @Method, @Body, @CreatedAt, @NotBefore, @Receipt)
        """;

    private const string InsertEffect = """
        INSERT INTO slack_effects (team_id, effect_key, created_at) VALUES (@TeamId, @Key, @At)
        ON CONFLICT (team_id, effect_key) DO NOTHING
        """;

    private const string DeletePending = "DELETE FROM slack_outbox WHERE team_id = @TeamId AND sent_at IS NULL";

    private readonly SemaphoreSlim _signal = new(0);

    public int PendingEstimate { get; set; }

    /// <summary>
    /// Records an effect key inside the caller's transaction; false when it was recorded before. Written with the message
    /// it guards, it makes a decision (a nudge, a welcome card) happen once however often its event is replayed.
    /// </summary>
    public async Task<bool> FirstTimeAsync(DbConnection connection, DbTransaction tx, string teamId, string effectKey) =>
        await connection.ExecuteAsync(InsertEffect, new { TeamId = teamId, Key = effectKey, At = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx) > 0;

    /// <summary>Adds a message inside the caller's transaction; returns false when the outbox is full.</summary>
    public async Task<bool> AddAsync(DbConnection connection, DbTransaction tx, string teamId, OutboxMessage message, DateTimeOffset? notBefore = null)
    {
        if (PendingEstimate >= MaxPending)
        {
            return false;
        }

        var now = time.GetUtcNow();
        await connection.ExecuteAsync(Insert, new
        {
            TeamId = teamId,
            Id = Guid.CreateVersion7(now).ToString("N"),
            message.Method,
            message.Body,
            message.Receipt,
            CreatedAt = now.ToUnixTimeMilliseconds(),
            NotBefore = (notBefore ?? now).ToUnixTimeMilliseconds(),
        }, tx);
        PendingEstimate++;
        return true;
    }

    /// <summary>The workspace removed the app: what waited for it is never sent. Returns how many messages were dropped.</summary>
    public async Task<int> DropPendingAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var dropped = await connection.ExecuteAsync(DeletePending, new { TeamId = teamId });
        PendingEstimate = Math.Max(0, PendingEstimate - dropped);
        return dropped;
    }

    /// <summary>Wakes the sender after a commit.</summary>
    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
