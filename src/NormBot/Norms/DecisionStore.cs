using Dapper;
using NormBot.Storage;

namespace NormBot.Norms;

/// <summary>Decisions recorded in channels ("Decision: ..." or a :pushpin:), for digests.</summary>
public sealed class DecisionStore(Db db)
{
    private const string Insert = """
        INSERT INTO decisions (team_id, channel_id, ts, user_id, at, excerpt) VALUES (@TeamId, @ChannelId, @Ts, @UserId, @At, @Excerpt)
        ON CONFLICT (team_id, channel_id, ts) DO NOTHING
        """;

    public async Task RecordAsync(string teamId, string channelId, string ts, string userId, DateTimeOffset at, string excerpt, CancellationToken ct)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(Insert, new { TeamId = teamId, ChannelId = channelId, Ts = ts, UserId = userId, At = atMs, Excerpt = excerpt }, tx) == 1)
        {
            await ChannelDays.AddAsync(connection, tx, teamId, channelId, atMs, new DaySums { Decisions = 1 });
        }

        await tx.CommitAsync(ct);
    }
}
