using System.Data.Common;
using Dapper;
using NormBot.Storage;

namespace NormBot.Protocols;

/// <summary>Writes audit rows inside the caller's transaction, so a change and its record land together.</summary>
public sealed class AuditLog(Db db, TimeProvider time)
{
    private const string Insert = """
        INSERT INTO protocol_audit (team_id, id, at, user_id, action, setting_key, scope, old_value, new_value)
        VALUES (@TeamId, @Id, @At, @UserId, @Action, @SettingKey, @Scope, @OldValue, @NewValue)
        """;

    private const string Latest = """
        SELECT team_id AS TeamId, id AS Id, at AS At, user_id AS UserId, action AS Action, setting_key AS SettingKey,
               scope AS Scope, old_value AS OldValue, new_value AS NewValue
        FROM protocol_audit
        WHERE team_id = @TeamId
        ORDER BY at DESC, id DESC
        LIMIT @Limit
        """;

    private static long _sequence;

    public Task RecordAsync(DbConnection connection, DbTransaction tx, string teamId, string userId, string action, string key, string scope, string? oldValue, string? newValue)
    {
        // Ids sort by time, then by a per-process counter: changes within one millisecond keep their order
        // (a version 7 GUID is random within the millisecond). The GUID suffix keeps replicas apart.
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at:D14}-{Interlocked.Increment(ref _sequence):D10}-{Guid.NewGuid():N}");
        var entry = new AuditEntry(teamId, id, at, userId, action, key, scope, oldValue, newValue);
        return connection.ExecuteAsync(Insert, entry, tx);
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(string teamId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AuditEntry>(Latest, new { TeamId = teamId, Limit = limit })).ToList();
    }
}
