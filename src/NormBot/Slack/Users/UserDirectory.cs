using System.Collections.Concurrent;
using Dapper;
using NormBot.Slack.Api;
using NormBot.Storage;

namespace NormBot.Slack.Users;

/// <summary>
/// What NormBot needs to know about a person (time zone, admin or owner, status), from <c>users.info</c> and
/// <c>user_change</c> events, cached in memory and in <c>user_profiles</c> so a restart does not refetch everyone.
/// </summary>
public sealed partial class UserDirectory(ISlackClients slack, Db db, TimeProvider time, ILogger<UserDirectory> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);

    private const string Select = """
        SELECT tz AS Tz, is_admin AS IsAdmin, is_owner AS IsOwner, is_bot AS IsBot, fetched_at AS FetchedAt,
               status_text AS StatusText, status_emoji AS StatusEmoji, status_expiration AS StatusExpiration, deleted AS Deleted
        FROM user_profiles WHERE team_id = @TeamId AND user_id = @UserId
        """;

    private const string Upsert = """
        INSERT INTO user_profiles (team_id, user_id, tz, is_admin, is_owner, is_bot, deleted, fetched_at, status_text, status_emoji, status_expiration)
        VALUES (@TeamId, @UserId, @Tz, @IsAdmin, @IsOwner, @IsBot, @Deleted, @FetchedAt, @StatusText, @StatusEmoji, @StatusExpiration)
        ON CONFLICT (team_id, user_id) DO UPDATE SET tz = excluded.tz, is_admin = excluded.is_admin,
            is_owner = excluded.is_owner, is_bot = excluded.is_bot, deleted = excluded.deleted, fetched_at = excluded.fetched_at,
            status_text = excluded.status_text, status_emoji = excluded.status_emoji, status_expiration = excluded.status_expiration
        """;

    private readonly ConcurrentDictionary<(string, string), UserProfile> _cache = new();

    /// <summary>
    /// The profile, or null when Slack cannot tell us (the caller falls back to protocol defaults).
    /// <paramref name="maxAge"/> lets permission checks ask for a fresher answer than time zones need.
    /// </summary>
    public async Task<UserProfile?> GetAsync(string teamId, string userId, CancellationToken ct, TimeSpan? maxAge = null)
    {
        var fresh = (maxAge ?? FreshFor).TotalMilliseconds;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_cache.TryGetValue((teamId, userId), out var cached) && now - cached.FetchedAt < fresh)
        {
            return cached;
        }

        await using (var connection = await db.OpenAsync(ct))
        {
            var row = await connection.QueryFirstOrDefaultAsync<StoredProfile>(Select, new { TeamId = teamId, UserId = userId });
            if (row is not null && now - row.FetchedAt < fresh)
            {
                var stored = new UserProfile(row.Tz, row.IsAdmin != 0, row.IsOwner != 0, row.IsBot != 0, row.FetchedAt)
                {
                    StatusText = row.StatusText, StatusEmoji = row.StatusEmoji, StatusExpiration = row.StatusExpiration ?? 0, Deleted = row.Deleted != 0,
                };
                _cache[(teamId, userId)] = stored;
                return stored;
            }
        }

        try
        {
            return await RememberAsync(teamId, await slack.For(teamId).GetUserInfoAsync(userId, ct), ct);
        }
        catch (SlackApiException ex)
        {
            Log.LookupFailed(logger, userId, ex.Error);
            return null;
        }
    }

    /// <summary>Keeps what Slack just said about a user (users.info, or the user a <c>user_change</c> event carries).</summary>
    public async Task<UserProfile> RememberAsync(string teamId, SlackUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = new UserProfile(user.Tz, user.IsAdmin, user.IsOwner, user.IsBot, time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            StatusText = user.Profile?.StatusText, StatusEmoji = user.Profile?.StatusEmoji, StatusExpiration = user.Profile?.StatusExpiration ?? 0,
            Deleted = user.Deleted,
        };
        await using var connection = await db.OpenAsync(ct);
        // Stored as 0/1 integers, which PostgreSQL will not take a boolean for.
        await connection.ExecuteAsync(Upsert, new
        {
            TeamId = teamId, UserId = user.Id, profile.Tz, IsAdmin = profile.IsAdmin ? 1L : 0L, IsOwner = profile.IsOwner ? 1L : 0L,
            IsBot = profile.IsBot ? 1L : 0L, Deleted = profile.Deleted ? 1L : 0L, profile.FetchedAt, profile.StatusText, profile.StatusEmoji,
            profile.StatusExpiration,
        });
        _cache[(teamId, user.Id)] = profile;
        return profile;
    }

    public async Task<TimeZoneInfo?> TimeZoneAsync(string teamId, string userId, CancellationToken ct)
    {
        var tz = (await GetAsync(teamId, userId, ct))?.Tz;
        return tz is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var zone) ? zone : null;
    }

    // SQLite hands booleans back as integers; Dapper will not convert them for a record's constructor.
    private sealed record StoredProfile(string? Tz, long IsAdmin, long IsOwner, long IsBot, long FetchedAt, string? StatusText, string? StatusEmoji, long? StatusExpiration, long Deleted);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "users.info for {UserId} failed ({Error}); using protocol defaults")]
        public static partial void LookupFailed(ILogger logger, string userId, string error);
    }
}

/// <summary>The parts of a Slack profile NormBot uses.</summary>
public sealed record UserProfile(string? Tz, bool IsAdmin, bool IsOwner, bool IsBot, long FetchedAt)
{
    public string? StatusText { get; init; }

    public string? StatusEmoji { get; init; }

    /// <summary>Unix seconds when the status clears itself; 0 when it does not.</summary>
    public long StatusExpiration { get; init; }

    /// <summary>A deactivated account.</summary>
    public bool Deleted { get; init; }

    /// <summary>Someone who can be waited on for a reply: a person whose account is active.</summary>
    public bool CanAnswer => !IsBot && !Deleted;
}
