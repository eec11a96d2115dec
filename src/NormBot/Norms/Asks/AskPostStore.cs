using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.Asks;

/// <summary>
/// The reminder DMs and escalations the bot posted about an ask, found by the receipts the outbox kept
/// (<c>slack_posts</c>): a post's receipt is its nudge's effect key, "overdue:{channel}:{ts}:…" or
/// "escalation:{channel}:{ts}…". Range conditions rather than LIKE, so the primary key serves them on both stores.
/// </summary>
public sealed class AskPostStore(Db db)
{
    private const string Select = """
        SELECT channel_id AS ChannelId, ts AS Ts FROM slack_posts
        WHERE team_id = @TeamId
          AND ((receipt >= @Overdue AND receipt < @OverdueEnd) OR receipt = @Escalation OR (receipt >= @Escalations AND receipt < @EscalationsEnd))
        """;

    public async Task<IReadOnlyList<PostedAbout>> PostsAboutAsync(string teamId, string channelId, string ts, CancellationToken ct)
    {
        var overdue = $"overdue:{channelId}:{ts}:";
        var escalation = $"escalation:{channelId}:{ts}";
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PostedAbout>(Select, new
        {
            TeamId = teamId,
            Overdue = overdue,
            OverdueEnd = End(overdue),
            Escalation = escalation,
            Escalations = escalation + ":",
            EscalationsEnd = End(escalation + ":"),
        })).ToList();
    }

    // Every key that starts with a prefix ending in ':' sorts before the same prefix ending in ';'.
    private static string End(string prefixEndingInColon) => prefixEndingInColon[..^1] + ";";
}

/// <summary>Where one of the bot's posts about an ask landed.</summary>
public sealed record PostedAbout(string ChannelId, string Ts);
