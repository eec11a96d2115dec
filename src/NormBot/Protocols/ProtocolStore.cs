using Dapper;
using NormBot.Storage;

namespace NormBot.Protocols;

/// <summary>Protocol values per workspace and channel, and topic routes; every change is audited.</summary>
public sealed class ProtocolStore(Db db, AuditLog audit, TimeProvider time)
{
    private const string SelectScope = """
        SELECT setting_key AS SettingKey, setting_value AS SettingValue FROM protocol_settings
        WHERE team_id = @TeamId AND scope = @Scope
        """;

    private const string SelectOne = """
        SELECT setting_value FROM protocol_settings WHERE team_id = @TeamId AND scope = @Scope AND setting_key = @Key
        """;

    private const string Upsert = """
        INSERT INTO protocol_settings (team_id, scope, setting_key, setting_value, updated_at, updated_by)
        VALUES (@TeamId, @Scope, @Key, @Value, @At, @UserId)
        ON CONFLICT (team_id, scope, setting_key) DO UPDATE SET
            setting_value = excluded.setting_value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """;

    private const string Delete = "DELETE FROM protocol_settings WHERE team_id = @TeamId AND scope = @Scope AND setting_key = @Key";

    private const string SelectChannelScopes = "SELECT DISTINCT scope FROM protocol_settings WHERE team_id = @TeamId AND scope <> '*' ORDER BY scope";

    public async Task<Dictionary<string, string>> ValuesAsync(string teamId, string scope, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string SettingKey, string SettingValue)>(SelectScope, new { TeamId = teamId, Scope = scope });
        return rows.ToDictionary(r => r.SettingKey, r => r.SettingValue, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>When a key got its current value at a scope (null: not set there), e.g. how long a channel has been observing.</summary>
    public async Task<DateTimeOffset?> SetSinceAsync(string teamId, string scope, string key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var at = await connection.ExecuteScalarAsync<long?>(
            "SELECT updated_at FROM protocol_settings WHERE team_id = @TeamId AND scope = @Scope AND setting_key = @Key", new { TeamId = teamId, Scope = scope, Key = key });
        return at is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task<IReadOnlyList<string>> ChannelsWithOverridesAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(SelectChannelScopes, new { TeamId = teamId })).ToList();
    }

    /// <summary>Sets a value; returns the previous one (null when it was not set at this scope).</summary>
    public async Task<string?> SetAsync(string teamId, string scope, string key, string value, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var old = await connection.ExecuteScalarAsync<string?>(SelectOne, new { TeamId = teamId, Scope = scope, Key = key }, tx);
        await connection.ExecuteAsync(Upsert, new { TeamId = teamId, Scope = scope, Key = key, Value = value, At = time.GetUtcNow().ToUnixTimeMilliseconds(), UserId = userId }, tx);
        await audit.RecordAsync(connection, tx, teamId, userId, "set", key, scope, old, value);
        await tx.CommitAsync(ct);
        return old;
    }

    /// <summary>Removes a value at this scope; returns what it was, or null if there was nothing to remove.</summary>
    public async Task<string?> UnsetAsync(string teamId, string scope, string key, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var old = await connection.ExecuteScalarAsync<string?>(SelectOne, new { TeamId = teamId, Scope = scope, Key = key }, tx);
        if (old is not null)
        {
            await connection.ExecuteAsync(Delete, new { TeamId = teamId, Scope = scope, Key = key }, tx);
            await audit.RecordAsync(connection, tx, teamId, userId, "unset", key, scope, old, null);
        }

        await tx.CommitAsync(ct);
        return old;
    }
}
