using System.Collections.Concurrent;
using Dapper;
using NormBot.Slack.Api;
using NormBot.Storage;

namespace NormBot.Slack.Users;

/// <summary>
/// What NormBot needs to know about a person (time zone, admin or owner), from <c>users.info</c>,
/// cached in memory and in <c>user_profiles</c> so a restart does not refetch everyone.
/// </summary>
public sealed partial class UserDirectory(ISlackApi slack, Db db, TimeProvider time, ILogger<UserDirectory> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);

    private const string Select = """
        SELECT tz AS Tz, is_admin AS IsAdmin, is_owner AS IsOwner, is_bot AS IsBot, deleted AS Deleted, fetched_at AS FetchedAt
        FROM user_profiles WHERE team_id = @TeamId AND user_id = @UserId
        """;

    private const string Upsert = """
        INSERT INTO user_profiles (team_id, user_id, tz, is_admin, is_owner, is_bot, deleted, fetched_at)
        VALUES (@TeamId, @UserId, @Tz, @IsAdmin, @IsOwner, @IsBot, @Deleted, @FetchedAt)
        ON CONFLICT (team_id, user_id) DO UPDATE SET tz = excluded.tz, is_admin = excluded.is_admin,
            is_owner = excluded.is_owner, is_bot = excluded.is_bot, deleted = excluded.deleted, fetched_at = excluded.fetched_at
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
                var stored = new UserProfile(row.Tz, row.IsAdmin != 0, row.IsOwner != 0, row.IsBot != 0, row.FetchedAt) { Deleted = row.Deleted != 0 };
                _cache[(teamId, userId)] = stored;
                return stored;
            }
        }

        try
        {
            var user = await slack.GetUserInfoAsync(userId, ct);
            var profile = new UserProfile(user.Tz, user.IsAdmin, user.IsOwner, user.IsBot, now) { Deleted = user.Deleted };
            await using var connection = await db.OpenAsync(ct);
            // Stored as 0/1 integers, which PostgreSQL will not take a boolean for.
            await connection.ExecuteAsync(Upsert, new
            {
                TeamId = teamId, UserId = userId, profile.Tz, IsAdmin = profile.IsAdmin ? 1L : 0L, IsOwner = profile.IsOwner ? 1L : 0L,
                IsBot = profile.IsBot ? 1L : 0L, Deleted = profile.Deleted ? 1L : 0L, profile.FetchedAt,
            });
            _cache[(teamId, userId)] = profile;
            return profile;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or SlackRateLimitedException)
        {
            Log.LookupFailed(logger, userId, ex.GetType().Name);
            return null;
        }
    }

    public async Task<TimeZoneInfo?> TimeZoneAsync(string teamId, string userId, CancellationToken ct)
    {
        var tz = (await GetAsync(teamId, userId, ct))?.Tz;
        return tz is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var zone) ? zone : null;
    }

    // SQLite hands booleans back as integers; Dapper will not convert them for a record's constructor.
    private sealed record StoredProfile(string? Tz, long IsAdmin, long IsOwner, long IsBot, long Deleted, long FetchedAt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "users.info for {UserId} failed ({Kind}); using protocol defaults")]
        public static partial void LookupFailed(ILogger logger, string userId, string kind);
    }
}

/// <summary>The parts of a Slack profile NormBot uses.</summary>
public sealed record UserProfile(string? Tz, bool IsAdmin, bool IsOwner, bool IsBot, long FetchedAt)
{
    /// <summary>A deactivated account.</summary>
    public bool Deleted { get; init; }

    /// <summary>Someone who can be waited on for a reply: a person whose account is active.</summary>
    public bool CanAnswer => !IsBot && !Deleted;
}
