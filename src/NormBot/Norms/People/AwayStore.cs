using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.People;

/// <summary>
/// Away time (PRODUCT §14): spans said with <c>/norms away</c> (<see cref="Self"/>) or read from a Slack status
/// (<see cref="Status"/>). Ended spans are kept (until retention) so past reply times can leave them out too.
/// </summary>
public sealed class AwayStore(Db db)
{
    public const string Self = "self";
    public const string Status = "status";

    private const string SelectSince = """
        SELECT source AS Source, from_at AS FromAt, until_at AS UntilAt, note AS Note, status_key AS StatusKey
        FROM away_spans
        WHERE team_id = @TeamId AND user_id = @UserId AND (until_at IS NULL OR until_at > @Since)
        ORDER BY from_at
        """;

    private const string SelectTeamSince = """
        SELECT user_id AS UserId, source AS Source, from_at AS FromAt, until_at AS UntilAt, note AS Note, status_key AS StatusKey
        FROM away_spans
        WHERE team_id = @TeamId AND (until_at IS NULL OR until_at > @Since)
        ORDER BY user_id, from_at
        """;

    private const string LatestStatus = """
        SELECT source AS Source, from_at AS FromAt, until_at AS UntilAt, note AS Note, status_key AS StatusKey
        FROM away_spans
        WHERE team_id = @TeamId AND user_id = @UserId AND source = 'status'
        ORDER BY from_at DESC
        LIMIT 1
        """;

    private const string Insert = """
        INSERT INTO away_spans (team_id, user_id, source, from_at, until_at, note, status_key)
        VALUES (@TeamId, @UserId, @Source, @From, @Until, @Note, @StatusKey)
        ON CONFLICT (team_id, user_id, source, from_at) DO UPDATE SET
            until_at = excluded.until_at, note = excluded.note, status_key = excluded.status_key
        """;

    // Ends what is on at @At; a span that already ended, or starts later, is left as it is.
    private const string End = """
        UPDATE away_spans SET until_at = @At
        WHERE team_id = @TeamId AND user_id = @UserId AND (source = @Source OR @Source = 'any') AND from_at <= @At AND (until_at IS NULL OR until_at > @At)
        """;

    public async Task<IReadOnlyList<StoredAway>> SpansAsync(string teamId, string userId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<StoredAway>(SelectSince, new { TeamId = teamId, UserId = userId, Since = since.ToUnixTimeMilliseconds() })).ToList();
    }

    /// <summary>Everyone's spans since <paramref name="since"/> in one read, for reports over a whole workspace.</summary>
    public async Task<ILookup<string, StoredAway>> TeamSpansAsync(string teamId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string UserId, string Source, long FromAt, long? UntilAt, string? Note, string? StatusKey)>(
            SelectTeamSince, new { TeamId = teamId, Since = since.ToUnixTimeMilliseconds() });
        return rows.ToLookup(r => r.UserId, r => new StoredAway(r.Source, r.FromAt, r.UntilAt, r.Note, r.StatusKey), StringComparer.Ordinal);
    }

    /// <summary><c>/norms away</c>: replaces whatever the person said before with a span from now.</summary>
    public async Task StartSelfAsync(string teamId, string userId, DateTimeOffset from, DateTimeOffset until, string? note, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(End, new { TeamId = teamId, UserId = userId, Source = Self, At = from.ToUnixTimeMilliseconds() }, tx);
        await connection.ExecuteAsync(Insert, new
        {
            TeamId = teamId, UserId = userId, Source = Self, From = from.ToUnixTimeMilliseconds(), Until = until.ToUnixTimeMilliseconds(), Note = note, StatusKey = (string?)null,
        }, tx);
        await tx.CommitAsync(ct);
    }

    /// <summary><c>/norms back</c>: ends every away span on now, the status one too; false when none was.</summary>
    public async Task<bool> EndAllAsync(string teamId, string userId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(End, new { TeamId = teamId, UserId = userId, Source = "any", At = at.ToUnixTimeMilliseconds() }) > 0;
    }

    /// <summary>
    /// Brings the status span in line with the status Slack shows now. Only a change of status counts: a status
    /// someone ended with <c>/norms back</c> is not taken up again until it changes. True when anything changed.
    /// </summary>
    public async Task<bool> SyncStatusAsync(string teamId, string userId, AwayStatus? status, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var latest = await connection.QueryFirstOrDefaultAsync<StoredAway>(LatestStatus, new { TeamId = teamId, UserId = userId });
        var isOn = latest is not null && latest.Covers(now);
        if (status is null || latest?.StatusKey == status.Key)
        {
            return status is null && isOn
                && await connection.ExecuteAsync(End, new { TeamId = teamId, UserId = userId, Source = Status, At = now.ToUnixTimeMilliseconds() }) > 0;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(End, new { TeamId = teamId, UserId = userId, Source = Status, At = now.ToUnixTimeMilliseconds() }, tx);
        await connection.ExecuteAsync(Insert, new
        {
            TeamId = teamId, UserId = userId, Source = Status, From = now.ToUnixTimeMilliseconds(), Until = status.Until?.ToUnixTimeMilliseconds(),
            Note = status.Label, StatusKey = status.Key,
        }, tx);
        await tx.CommitAsync(ct);
        return true;
    }
}

/// <summary>One away span as stored; instants are Unix milliseconds, <see cref="UntilAt"/> null means until it changes.</summary>
public sealed record StoredAway(string Source, long FromAt, long? UntilAt, string? Note, string? StatusKey)
{
    public bool Covers(DateTimeOffset at) =>
        FromAt <= at.ToUnixTimeMilliseconds() && (UntilAt is not { } until || at.ToUnixTimeMilliseconds() < until);

    public Protocols.AwaySpan ToSpan() =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(FromAt), UntilAt is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null);
}
