using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using NormBot.Protocols;
using NormBot.Storage;

namespace NormBot.Norms.People;

/// <summary>
/// Holidays per workspace and channel, audited like every leader change. Every clock reads them, so they are cached
/// briefly per workspace; changes made through this process are visible at once.
/// </summary>
public sealed class HolidayStore(Db db, AuditLog audit, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private const string SelectAll = """
        SELECT scope AS Scope, first_day AS FirstDay, last_day AS LastDay, name AS Name FROM holidays WHERE team_id = @TeamId ORDER BY first_day, scope
        """;

    private const string Upsert = """
        INSERT INTO holidays (team_id, scope, first_day, last_day, name, created_by, created_at)
        VALUES (@TeamId, @Scope, @FirstDay, @LastDay, @Name, @UserId, @At)
        ON CONFLICT (team_id, scope, first_day) DO UPDATE SET
            last_day = excluded.last_day, name = excluded.name, created_by = excluded.created_by, created_at = excluded.created_at
        """;

    private const string Delete = "DELETE FROM holidays WHERE team_id = @TeamId AND scope = @Scope AND first_day = @FirstDay";

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<Holiday> Holidays)> _cache = new();

    public async Task<IReadOnlyList<Holiday>> AllAsync(string teamId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(teamId, out var hit) && now - hit.At < CacheFor)
        {
            return hit.Holidays;
        }

        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(SelectAll, new { TeamId = teamId });
        IReadOnlyList<Holiday> holidays = rows.Select(r => new Holiday(r.Scope, Day(r.FirstDay), Day(r.LastDay), r.Name)).ToList();
        _cache[teamId] = (now, holidays);
        return holidays;
    }

    /// <summary>The days off in a channel: the workspace's holidays and the channel's own (null: the workspace's only).</summary>
    public async Task<IReadOnlySet<DateOnly>> DaysAsync(string teamId, string? channelId, CancellationToken ct) =>
        (await AllAsync(teamId, ct)).Where(h => h.Scope == AuditEntry.WorkspaceScope || h.Scope == channelId).SelectMany(h => h.Days).ToHashSet();

    /// <summary>Adds a holiday; one that starts on the same day in the same scope is replaced and returned.</summary>
    public async Task<Holiday?> AddAsync(string teamId, Holiday holiday, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(holiday);
        var old = (await AllAsync(teamId, ct)).FirstOrDefault(h => h.Scope == holiday.Scope && h.First == holiday.First);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(Upsert, new
        {
            TeamId = teamId, holiday.Scope, FirstDay = Text(holiday.First), LastDay = Text(holiday.Last), holiday.Name, UserId = userId,
            At = time.GetUtcNow().ToUnixTimeMilliseconds(),
        }, tx);
        await audit.RecordAsync(connection, tx, teamId, userId, "holiday", Text(holiday.First), holiday.Scope, old?.ToString(), holiday.ToString());
        await tx.CommitAsync(ct);
        _cache.TryRemove(teamId, out _);
        return old;
    }

    /// <summary>Removes the holidays of a scope that include <paramref name="day"/>; returns them (empty when there was none).</summary>
    public async Task<IReadOnlyList<Holiday>> RemoveAsync(string teamId, string scope, DateOnly day, string userId, CancellationToken ct)
    {
        var removed = (await AllAsync(teamId, ct)).Where(h => h.Scope == scope && h.Contains(day)).ToList();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var holiday in removed)
        {
            await connection.ExecuteAsync(Delete, new { TeamId = teamId, Scope = scope, FirstDay = Text(holiday.First) }, tx);
            await audit.RecordAsync(connection, tx, teamId, userId, "holiday", Text(holiday.First), scope, holiday.ToString(), null);
        }

        await tx.CommitAsync(ct);
        _cache.TryRemove(teamId, out _);
        return removed;
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Row(string Scope, string FirstDay, string LastDay, string Name);
}
