using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.Asks;

/// <summary>
/// The reminder DMs and escalations the bot posted about an ask, found by the receipts the outbox kept
/// (<c>slack_posts</c>): a post's receipt is its nudge's effect key, "overdue:{channel}:{ts}:{user}:{due}" or
/// "escalation:{channel}:{ts}" (a level may follow). LIKE rather than a range, because PostgreSQL orders text by
/// the database's collation, which may skip punctuation; ids and ts hold no '%' or '_'. This runs only when an ask is
/// answered, over one workspace's posts of the retention period.
/// </summary>
public sealed class AskPostStore(Db db)
{
    private const string Select = """
        SELECT channel_id AS ChannelId, ts AS Ts FROM slack_posts
        WHERE team_id = @TeamId AND (receipt LIKE @Reminders OR receipt = @Escalation OR receipt LIKE @EscalationLevels)
        """;

    public async Task<IReadOnlyList<PostedAbout>> PostsAboutAsync(string teamId, string channelId, string ts, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PostedAbout>(Select, new
        {
            TeamId = teamId,
            Reminders = $"overdue:{channelId}:{ts}:%",
            Escalation = $"escalation:{channelId}:{ts}",
            EscalationLevels = $"escalation:{channelId}:{ts}:%",
        })).ToList();
    }
}

/// <summary>Where one of the bot's posts about an ask landed.</summary>
public sealed record PostedAbout(string ChannelId, string Ts);
