using Dapper;
using NormBot.Storage;

namespace NormBot.Protocols;

/// <summary><c>/norms snooze</c>: a person's own pause of every nudge until a moment.</summary>
public sealed class SnoozeStore(Db db)
{
    private const string Upsert = """
        INSERT INTO user_snoozes (team_id, user_id, snoozed_until) VALUES (@TeamId, @UserId, @Until)
        ON CONFLICT (team_id, user_id) DO UPDATE SET snoozed_until = excluded.snoozed_until
        """;

    public async Task SetAsync(string teamId, string userId, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Upsert, new { TeamId = teamId, UserId = userId, Until = until.ToUnixTimeMilliseconds() });
    }

    public async Task ClearAsync(string teamId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("DELETE FROM user_snoozes WHERE team_id = @TeamId AND user_id = @UserId", new { TeamId = teamId, UserId = userId });
    }

    public async Task<DateTimeOffset?> UntilAsync(string teamId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var until = await connection.ExecuteScalarAsync<long?>("SELECT snoozed_until FROM user_snoozes WHERE team_id = @TeamId AND user_id = @UserId", new { TeamId = teamId, UserId = userId });
        return until is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(until.Value);
    }
}
