using Dapper;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Storage;

namespace NormBot.Norms.People;

/// <summary>
/// <c>hours slack</c> (PRODUCT §14): someone's working hours are the gap in their Slack notification schedule, between
/// the end of Do Not Disturb and its next start (<c>dnd.info</c>). Cached for a day: schedules rarely change.
/// </summary>
public sealed partial class SlackWorkHours(ISlackClients slack, Db db, TimeProvider time, ILogger<SlackWorkHours> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromDays(1);

    private const string Select = """
        SELECT hours AS Hours, fetched_at AS FetchedAt FROM slack_work_hours WHERE team_id = @TeamId AND user_id = @UserId
        """;

    private const string Upsert = """
        INSERT INTO slack_work_hours (team_id, user_id, hours, fetched_at) VALUES (@TeamId, @UserId, @Hours, @At)
        ON CONFLICT (team_id, user_id) DO UPDATE SET hours = excluded.hours, fetched_at = excluded.fetched_at
        """;

    /// <summary>The person's hours from Slack, or null when they have no usable schedule (the channel's hours apply).</summary>
    public async Task<WorkingHours?> GetAsync(string teamId, string userId, TimeZoneInfo zone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var cached = await connection.QueryFirstOrDefaultAsync<Row>(Select, new { TeamId = teamId, UserId = userId });
        if (cached is not null && now.ToUnixTimeMilliseconds() - cached.FetchedAt < FreshFor.TotalMilliseconds)
        {
            return cached.Hours is not null && WorkingHours.TryParse(cached.Hours, out var hours, out _) ? hours : null;
        }

        WorkingHours? read;
        try
        {
            read = FromDnd(await slack.For(teamId).GetDndInfoAsync(userId, ct), zone);
        }
        catch (SlackApiException ex)
        {
            // missing_scope (an install from before dnd:read), user_not_found...: remembered, so asked again tomorrow.
            Log.Unreadable(logger, userId, ex.Error);
            read = null;
        }
        catch (Exception ex) when (ex is HttpRequestException or SlackRateLimitedException)
        {
            Log.Unreadable(logger, userId, ex.GetType().Name);
            return null;
        }

        await connection.ExecuteAsync(Upsert, new { TeamId = teamId, UserId = userId, Hours = read?.ToString(), At = now.ToUnixTimeMilliseconds() });
        return read;
    }

    /// <summary>
    /// Local hours from the end of one Do Not Disturb period to the start of the next. Null without a schedule (Slack
    /// then sends 1 for both) or when the gap crosses midnight, which working hours cannot express.
    /// </summary>
    public static WorkingHours? FromDnd(DndInfo dnd, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(dnd);
        if (!dnd.DndEnabled || dnd.NextDndStartTs <= 1 || dnd.NextDndEndTs <= 1)
        {
            return null;
        }

        var start = TimeOfDay(dnd.NextDndEndTs, zone);
        var end = TimeOfDay(dnd.NextDndStartTs, zone);
        end = end == TimeSpan.Zero ? TimeSpan.FromHours(24) : end;
        return end > start ? new WorkingHours(start, end) : null;
    }

    private static TimeSpan TimeOfDay(long unixSeconds, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), zone);
        return new TimeSpan(local.Hour, local.Minute, 0);
    }

    private sealed record Row(string? Hours, long FetchedAt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "dnd.info for {UserId} gave no hours ({Reason}); the channel's hours apply")]
        public static partial void Unreadable(ILogger logger, string userId, string reason);
    }
}
