using System.Security.Cryptography;
using Dapper;
using NormBot.Storage;

namespace NormBot.Slack.Install;

/// <summary>OAuth states: random, single-use, ten minutes; in the store so any replica can finish an install another began.</summary>
public sealed class OAuthStateStore(Db db, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // team_id '': the workspace is not known before Slack answers (see migration 0006).
    private const string Insert = "INSERT INTO slack_oauth_states (team_id, state, expires_at) VALUES ('', @State, @ExpiresAt)";

    // Deleting is the check: of two requests with the same state, only one deletes the row.
    private const string Consume = "DELETE FROM slack_oauth_states WHERE team_id = '' AND state = @State AND expires_at > @Now";

    private const string PurgeExpired = "DELETE FROM slack_oauth_states WHERE team_id = '' AND expires_at <= @Now";

    public async Task<string> CreateAsync(CancellationToken ct)
    {
        var state = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(PurgeExpired, new { Now = now.ToUnixTimeMilliseconds() });
        await connection.ExecuteAsync(Insert, new { State = state, ExpiresAt = (now + Lifetime).ToUnixTimeMilliseconds() });
        return state;
    }

    /// <summary>True once for a state this server issued less than ten minutes ago; false for a replay or an unknown state.</summary>
    public async Task<bool> ConsumeAsync(string state, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(Consume, new { State = state, Now = time.GetUtcNow().ToUnixTimeMilliseconds() }) == 1;
    }
}
