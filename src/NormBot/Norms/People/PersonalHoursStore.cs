using Dapper;
using NormBot.Protocols;
using NormBot.Storage;

namespace NormBot.Norms.People;

/// <summary><c>/norms my-hours</c>: one row per person, in canonical text (as <c>/norms set hours</c> stores it).</summary>
public sealed class PersonalHoursStore(Db db, TimeProvider time)
{
    private const string Select = """
        SELECT hours AS Hours, days AS Days, time_zone AS TimeZone FROM personal_hours WHERE team_id = @TeamId AND user_id = @UserId
        """;

    private const string SelectTeam = """
        SELECT user_id AS UserId, hours AS Hours, days AS Days, time_zone AS TimeZone FROM personal_hours WHERE team_id = @TeamId
        """;

    private const string Upsert = """
        INSERT INTO personal_hours (team_id, user_id, hours, days, time_zone, updated_at)
        VALUES (@TeamId, @UserId, @Hours, @Days, @TimeZone, @At)
        ON CONFLICT (team_id, user_id) DO UPDATE SET
            hours = excluded.hours, days = excluded.days, time_zone = excluded.time_zone, updated_at = excluded.updated_at
        """;

    public async Task<PersonalHours?> GetAsync(string teamId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var r = await connection.QueryFirstOrDefaultAsync<Row>(Select, new { TeamId = teamId, UserId = userId });
        return r is null ? null : Parse(r);
    }

    /// <summary>Everyone's hours in one read, for reports over a whole workspace.</summary>
    public async Task<IReadOnlyDictionary<string, PersonalHours>> ForTeamAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string UserId, string Hours, string? Days, string? TimeZone)>(SelectTeam, new { TeamId = teamId });
        var hours = new Dictionary<string, PersonalHours>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (Parse(new Row(r.Hours, r.Days, r.TimeZone)) is { } parsed)
            {
                hours[r.UserId] = parsed;
            }
        }

        return hours;
    }

    private static PersonalHours? Parse(Row r)
    {
        if (!WorkingHours.TryParse(r.Hours, out var hours, out _))
        {
            return null;
        }

        var days = r.Days is not null && WorkingDays.TryParse(r.Days, out var d, out _) ? d : null;
        var zone = r.TimeZone is not null && ProtocolValues.TryTimeZone(r.TimeZone, out var z, out _) ? z : null;
        return new PersonalHours(hours, days, zone);
    }

    public async Task SetAsync(string teamId, string userId, PersonalHours hours, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hours);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Upsert, new
        {
            TeamId = teamId, UserId = userId, Hours = hours.Hours.ToString(), Days = hours.Days?.ToString(), TimeZone = hours.TimeZone?.Id,
            At = time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
    }

    /// <summary>Returns false when there was nothing to clear.</summary>
    public async Task<bool> ClearAsync(string teamId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync("DELETE FROM personal_hours WHERE team_id = @TeamId AND user_id = @UserId", new { TeamId = teamId, UserId = userId }) > 0;
    }

    private sealed record Row(string Hours, string? Days, string? TimeZone);
}
