using Dapper;
using NormBot.Protocols;
using NormBot.Storage;

namespace NormBot.Digests;

/// <summary>A digest schedule as a leader set it; the trigger that fires it lives in Quartz's store.</summary>
public sealed record DigestScheduleRow(
    string TeamId,
    string TargetChannelId,
    string Frequency,
    string CronExpression,
    string Description,
    string TimeZone,
    string Channels,
    string CreatedBy,
    long CreatedAt,
    long Live = 0)
{
    /// <summary>One message in the target, updated in place at each firing (PRODUCT §16).</summary>
    public bool IsLive => Live != 0;

    public IReadOnlyList<string> ChannelIds => DigestChannels.Split(Channels);
}

/// <summary>The <c>digest_schedules</c> and <c>digest_postings</c> tables.</summary>
public sealed class DigestScheduleStore(Db db, AuditLog audit)
{
    private const string Upsert = """
        INSERT INTO digest_schedules (team_id, target_channel_id, frequency, cron_expression, description, time_zone, channels, created_by, created_at, live)
        VALUES (@TeamId, @TargetChannelId, @Frequency, @CronExpression, @Description, @TimeZone, @Channels, @CreatedBy, @CreatedAt, @Live)
        ON CONFLICT (team_id, target_channel_id) DO UPDATE SET
            frequency = excluded.frequency, cron_expression = excluded.cron_expression, description = excluded.description,
            time_zone = excluded.time_zone, channels = excluded.channels, created_by = excluded.created_by, created_at = excluded.created_at,
            live = excluded.live
        """;

    private const string Delete = "DELETE FROM digest_schedules WHERE team_id = @TeamId AND target_channel_id = @TargetChannelId";

    private const string SelectOne = """
        SELECT team_id AS TeamId, target_channel_id AS TargetChannelId, frequency AS Frequency, cron_expression AS CronExpression,
               description AS Description, time_zone AS TimeZone, channels AS Channels, created_by AS CreatedBy, created_at AS CreatedAt,
               live AS Live
        FROM digest_schedules WHERE team_id = @TeamId AND target_channel_id = @TargetChannelId
        """;

    private const string SelectTeam = """
        SELECT team_id AS TeamId, target_channel_id AS TargetChannelId, frequency AS Frequency, cron_expression AS CronExpression,
               description AS Description, time_zone AS TimeZone, channels AS Channels, created_by AS CreatedBy, created_at AS CreatedAt,
               live AS Live
        FROM digest_schedules WHERE team_id = @TeamId ORDER BY target_channel_id
        """;

    private const string SelectLastPeriodEnd = """
        SELECT period_end FROM digest_postings WHERE team_id = @TeamId AND target_channel_id = @TargetChannelId
        """;

    private const string SelectLastMessage = """
        SELECT message_ts FROM digest_postings WHERE team_id = @TeamId AND target_channel_id = @TargetChannelId
        """;

    private const string UpsertPosting = """
        INSERT INTO digest_postings (team_id, target_channel_id, posted_at, period_end, message_ts)
        VALUES (@TeamId, @TargetChannelId, @PostedAt, @PeriodEnd, @MessageTs)
        ON CONFLICT (team_id, target_channel_id) DO UPDATE SET
            posted_at = excluded.posted_at, period_end = excluded.period_end, message_ts = excluded.message_ts
        """;

    /// <summary>Saves (or replaces) a schedule and audits the change in the same transaction.</summary>
    public async Task SaveAsync(DigestScheduleRow row, string? previousDescription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, row, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, row.TeamId, row.CreatedBy, "digest", "digest", row.TargetChannelId, previousDescription, row.Description);
        await tx.CommitAsync(ct);
    }

    /// <summary>Removes a schedule, audited; returns whether there was one to remove.</summary>
    public async Task<bool> DeleteAsync(string teamId, string targetChannelId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var old = await connection.QuerySingleOrDefaultAsync<DigestScheduleRow>(
            new CommandDefinition(SelectOne, new { TeamId = teamId, TargetChannelId = targetChannelId }, tx, cancellationToken: ct));
        if (old is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(Delete, new { TeamId = teamId, TargetChannelId = targetChannelId }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, teamId, userId, "digest off", "digest", targetChannelId, old.Description, null);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<DigestScheduleRow?> FindAsync(string teamId, string targetChannelId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DigestScheduleRow>(
            new CommandDefinition(SelectOne, new { TeamId = teamId, TargetChannelId = targetChannelId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DigestScheduleRow>> ForTeamAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<DigestScheduleRow>(new CommandDefinition(SelectTeam, new { TeamId = teamId }, cancellationToken: ct))).ToList();
    }

    /// <summary>The end of the period the previous digest to this target covered, if there was one.</summary>
    public async Task<DateTimeOffset?> LastPeriodEndAsync(string teamId, string targetChannelId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ms = await connection.ExecuteScalarAsync<long?>(
            new CommandDefinition(SelectLastPeriodEnd, new { TeamId = teamId, TargetChannelId = targetChannelId }, cancellationToken: ct));
        return ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }

    /// <summary>The message the previous digest to this target went out as (a live digest's message).</summary>
    public async Task<string?> LastMessageTsAsync(string teamId, string targetChannelId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(
            new CommandDefinition(SelectLastMessage, new { TeamId = teamId, TargetChannelId = targetChannelId }, cancellationToken: ct));
    }

    public async Task RecordPostingAsync(string teamId, string targetChannelId, DateTimeOffset postedAt, DateTimeOffset periodEnd, string? messageTs, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(UpsertPosting, new
        {
            TeamId = teamId,
            TargetChannelId = targetChannelId,
            PostedAt = postedAt.ToUnixTimeMilliseconds(),
            PeriodEnd = periodEnd.ToUnixTimeMilliseconds(),
            MessageTs = messageTs,
        }, cancellationToken: ct));
    }
}

/// <summary>Covered channels are stored and passed to jobs as one space-separated string of ids ("" = all tracked channels).</summary>
public static class DigestChannels
{
    public static string Join(IEnumerable<string> channelIds) => string.Join(' ', channelIds);

    public static IReadOnlyList<string> Split(string? channels) =>
        (channels ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
