using Dapper;
using NormBot.Storage;

namespace NormBot.Protocols;

/// <summary>Topic routes (<c>route incidents #incidents keywords: outage, sev1</c>), audited like settings.</summary>
public sealed class RouteStore(Db db, AuditLog audit, TimeProvider time)
{
    private const string SelectAll = """
        SELECT topic AS Topic, channel_id AS ChannelId, keywords AS Keywords FROM topic_routes WHERE team_id = @TeamId ORDER BY topic
        """;

    private const string Upsert = """
        INSERT INTO topic_routes (team_id, topic, channel_id, keywords, updated_at) VALUES (@TeamId, @Topic, @ChannelId, @Keywords, @At)
        ON CONFLICT (team_id, topic) DO UPDATE SET channel_id = excluded.channel_id, keywords = excluded.keywords, updated_at = excluded.updated_at
        """;

    public async Task<IReadOnlyList<StoredRoute>> AllAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<StoredRoute>(SelectAll, new { TeamId = teamId })).ToList();
    }

    public async Task SetAsync(string teamId, StoredRoute route, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var old = await connection.QueryFirstOrDefaultAsync<StoredRoute>(SelectAll.Replace("ORDER BY topic", "AND topic = @Topic", StringComparison.Ordinal), new { TeamId = teamId, route.Topic }, tx);
        await connection.ExecuteAsync(Upsert, new { TeamId = teamId, route.Topic, route.ChannelId, route.Keywords, At = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx);
        await audit.RecordAsync(connection, tx, teamId, userId, "route", route.Topic, route.ChannelId, old?.Describe(), route.Describe());
        await tx.CommitAsync(ct);
    }

    /// <summary>Returns false when there was no such route.</summary>
    public async Task<bool> RemoveAsync(string teamId, string topic, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var old = await connection.QueryFirstOrDefaultAsync<StoredRoute>(SelectAll.Replace("ORDER BY topic", "AND topic = @Topic", StringComparison.Ordinal), new { TeamId = teamId, Topic = topic }, tx);
        if (old is not null)
        {
            await connection.ExecuteAsync("DELETE FROM topic_routes WHERE team_id = @TeamId AND topic = @Topic", new { TeamId = teamId, Topic = topic }, tx);
            await audit.RecordAsync(connection, tx, teamId, userId, "unroute", topic, old.ChannelId, old.Describe(), null);
        }

        await tx.CommitAsync(ct);
        return old is not null;
    }
}

/// <summary>A route as stored: keywords are the canonical comma-separated list.</summary>
public sealed record StoredRoute(string Topic, string ChannelId, string Keywords)
{
    public string Describe() => $"<#{ChannelId}> keywords: {Keywords}";
}
