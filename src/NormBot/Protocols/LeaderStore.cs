using Dapper;
using NormBot.Storage;

namespace NormBot.Protocols;

/// <summary>Leaders added with <c>/norms leaders add</c> (configured leaders and admins are not stored here).</summary>
public sealed class LeaderStore(Db db, AuditLog audit, TimeProvider time)
{
    private const string Insert = """
        INSERT INTO leaders (team_id, user_id, added_by, added_at) VALUES (@TeamId, @UserId, @AddedBy, @At)
        ON CONFLICT (team_id, user_id) DO NOTHING
        """;

    public async Task<IReadOnlyList<string>> AllAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>("SELECT user_id FROM leaders WHERE team_id = @TeamId ORDER BY added_at", new { TeamId = teamId })).ToList();
    }

    /// <summary>Returns false when the user already was a leader.</summary>
    public async Task<bool> AddAsync(string teamId, string userId, string addedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = await connection.ExecuteAsync(Insert, new { TeamId = teamId, UserId = userId, AddedBy = addedBy, At = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx) == 1;
        if (added)
        {
            await audit.RecordAsync(connection, tx, teamId, addedBy, "leaders add", "leaders", AuditEntry.WorkspaceScope, null, userId);
        }

        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Returns false when the user was not a stored leader.</summary>
    public async Task<bool> RemoveAsync(string teamId, string userId, string removedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var removed = await connection.ExecuteAsync("DELETE FROM leaders WHERE team_id = @TeamId AND user_id = @UserId", new { TeamId = teamId, UserId = userId }, tx) == 1;
        if (removed)
        {
            await audit.RecordAsync(connection, tx, teamId, removedBy, "leaders remove", "leaders", AuditEntry.WorkspaceScope, userId, null);
        }

        await tx.CommitAsync(ct);
        return removed;
    }
}
