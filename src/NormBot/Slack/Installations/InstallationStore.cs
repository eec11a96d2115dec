using System.Security.Cryptography;
using Dapper;
using NormBot.Storage;

namespace NormBot.Slack.Installations;

/// <summary>The <c>slack_installations</c> rows; tokens go through <see cref="TokenCipher"/> on the way in and out.</summary>
public sealed class InstallationStore(Db db, TokenCipher cipher)
{
    private const string Select = """
        SELECT team_id AS TeamId, team_name AS TeamName, bot_user_id AS BotUserId, bot_token AS BotToken, scopes AS Scopes,
               installed_by AS InstalledBy, installed_at AS InstalledAt, auth_error AS AuthError
        FROM slack_installations WHERE team_id = @TeamId
        """;

    private const string Upsert = """
        INSERT INTO slack_installations (team_id, team_name, bot_user_id, bot_token, scopes, installed_by, installed_at, auth_error, auth_error_at)
        VALUES (@TeamId, @TeamName, @BotUserId, @BotToken, @Scopes, @InstalledBy, @InstalledAt, NULL, NULL)
        ON CONFLICT (team_id) DO UPDATE SET team_name = excluded.team_name, bot_user_id = excluded.bot_user_id,
            bot_token = excluded.bot_token, scopes = excluded.scopes, installed_by = excluded.installed_by,
            installed_at = excluded.installed_at, auth_error = NULL, auth_error_at = NULL
        """;

    private const string SetAuthError = "UPDATE slack_installations SET auth_error = @Error, auth_error_at = @At WHERE team_id = @TeamId";

    private const string Delete = "DELETE FROM slack_installations WHERE team_id = @TeamId";

    private const string SelectPaused = "SELECT team_id AS TeamId, auth_error AS Error FROM slack_installations WHERE auth_error IS NOT NULL ORDER BY team_id";

    private const string SelectTokens = "SELECT team_id AS TeamId, bot_token AS BotToken FROM slack_installations";

    private const string SetToken = "UPDATE slack_installations SET bot_token = @BotToken WHERE team_id = @TeamId";

    public async Task<Installation?> FindAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<Installation>(Select, new { TeamId = teamId });
        return row is null ? null : Decrypted(row);
    }

    /// <summary>A token under a key no longer configured cannot be used: the workspace shows as paused until it reinstalls.</summary>
    private Installation Decrypted(Installation row)
    {
        try
        {
            return row with { BotToken = cipher.Decrypt(row.TeamId, row.BotToken) };
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return row with { BotToken = "", AuthError = UnreadableToken };
        }
    }

    /// <summary>The pause reason of a token no configured key opens.</summary>
    public const string UnreadableToken = "token_key_missing";

    /// <summary>Stores a new installation or replaces the workspace's previous one (a reinstall), unpaused.</summary>
    public async Task SaveAsync(Installation installation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(installation);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Upsert, installation with { BotToken = cipher.Encrypt(installation.TeamId, installation.BotToken) });
    }

    /// <summary>Pauses (an error) or resumes (null) the workspace.</summary>
    public async Task SetAuthErrorAsync(string teamId, string? error, long at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(SetAuthError, new { TeamId = teamId, Error = error, At = error is null ? (long?)null : at });
    }

    public async Task<bool> DeleteAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(Delete, new { TeamId = teamId }) > 0;
    }

    public async Task<IReadOnlyList<(string TeamId, string Error)>> PausedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(string, string)>(SelectPaused)).ToList();
    }

    /// <summary>
    /// Re-encrypts tokens stored under a previous key with the current one; returns how many. A token no configured key
    /// opens pauses its workspace (health names it) instead of failing each call.
    /// </summary>
    public async Task<int> RotateAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var stale = (await connection.QueryAsync<(string TeamId, string BotToken)>(SelectTokens)).Where(r => !cipher.IsCurrent(r.BotToken)).ToList();
        var rotated = 0;
        foreach (var (teamId, stored) in stale)
        {
            var installation = Decrypted(new Installation(teamId, "", "", stored, "", null, 0));
            if (installation.AuthError is not null)
            {
                await connection.ExecuteAsync(SetAuthError, new { TeamId = teamId, Error = UnreadableToken, At = 0L });
                continue;
            }

            await connection.ExecuteAsync(SetToken, new { TeamId = teamId, BotToken = cipher.Encrypt(teamId, installation.BotToken) });
            rotated++;
        }

        return rotated;
    }
}
