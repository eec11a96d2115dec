using Dapper;
using NormBot.Norms.Rules;
using NormBot.Slack;
using NormBot.Storage;

namespace NormBot.Norms.Preview;

/// <summary>
/// What <c>/norms preview</c> replays: the asks of a period with who they waited on, the recorded misroute nudges, and the
/// message facts that let the context rule run again without message text (PRODUCT §9): one row per top-level message in
/// a tracked channel, and when its author next spoke there.
/// </summary>
public sealed class PreviewStore(Db db)
{
    private const string AsksInPeriod = """
        SELECT k.channel_id AS ChannelId, k.ts AS Ts, k.asker_id AS AskerId, k.state AS State, k.opened_at AS OpenedAt,
               k.first_reply_at AS FirstReplyAt, k.resolved_at AS ResolvedAt, a.user_id AS UserId, a.declined AS Declined
        FROM asks k
        JOIN ask_assignees a ON a.team_id = k.team_id AND a.channel_id = k.channel_id AND a.ts = k.ts
        WHERE k.team_id = @TeamId AND k.opened_at >= @From AND k.opened_at < @To AND k.state <> 'deleted'
        """;

    // One channel's week on its own index (ix_asks_channel_opened), not the workspace's week filtered in memory.
    private const string ChannelAsksInPeriod = AsksInPeriod + " AND k.channel_id = @ChannelId";

    private const string MisroutesInPeriod = """
        SELECT channel_id AS ChannelId, user_id AS UserId, at AS At
        FROM nudges
        WHERE team_id = @TeamId AND rule = 'misroute' AND at >= @From AND at < @To
        """;

    private const string ChannelMisroutesInPeriod = MisroutesInPeriod + " AND channel_id = @ChannelId";

    private const string Insert = """
        INSERT INTO message_facts (team_id, channel_id, ts, user_id, at, lacks_context_from, follow_up_at)
        VALUES (@TeamId, @ChannelId, @Ts, @UserId, @At, @LacksContextFrom, NULL)
        ON CONFLICT (team_id, channel_id, ts) DO NOTHING
        """;

    // The same follow-up that cancels a waiting context nudge (PendingContextStore): the author's next message in the channel.
    private const string FollowUp = """
        UPDATE message_facts SET follow_up_at = @At
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND user_id = @UserId AND follow_up_at IS NULL AND ts < @Ts
        """;

    // A message complete under every min-words (lacks_context_from null) is one no value makes the context rule nudge:
    // only the others are read, a few percent of a busy week's messages.
    private const string InPeriod = """
        SELECT channel_id AS ChannelId, ts AS Ts, user_id AS UserId, at AS At, lacks_context_from AS LacksContextFrom, follow_up_at AS FollowUpAt
        FROM message_facts
        WHERE team_id = @TeamId AND at >= @From AND at < @To AND lacks_context_from IS NOT NULL
        """;

    // A fact's at is its ts as an instant: the key's ts range reads the channel's week alone (Slack ts compare as text).
    private const string ChannelInPeriod = InPeriod + " AND channel_id = @ChannelId AND ts >= @FromTs";

    public async Task RecordAsync(SaidMessage said, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(said);
        var at = said.At.ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(FollowUp, new { said.TeamId, said.ChannelId, said.UserId, said.Ts, At = at }, cancellationToken: ct));
        if (said.IsTopLevel)
        {
            var from = ContextRule.LacksContextFrom(said.Text, said.HasFiles, said.BotUserId);
            await connection.ExecuteAsync(new CommandDefinition(Insert, new { said.TeamId, said.ChannelId, said.Ts, said.UserId, At = at, LacksContextFrom = (long?)from }, cancellationToken: ct));
        }
    }

    /// <summary>The period's rows for the workspace, or for one channel when <paramref name="channelId"/> is given.</summary>
    public async Task<PreviewData> LoadAsync(string teamId, DateTimeOffset from, DateTimeOffset to, string? channelId, CancellationToken ct)
    {
        var args = new { TeamId = teamId, From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds(), ChannelId = channelId, FromTs = SlackTs.FromInstant(from) };
        var one = channelId is not null;
        var facts = await QueryAsync<MessageFact>(one ? ChannelInPeriod : InPeriod, args, ct);
        var asks = await QueryAsync<AskWait>(one ? ChannelAsksInPeriod : AsksInPeriod, args, ct);
        var misroutes = await QueryAsync<MisrouteRow>(one ? ChannelMisroutesInPeriod : MisroutesInPeriod, args, ct);
        return new PreviewData(facts, asks, misroutes);
    }

    // A connection per read: on SQLite one connection at a time serves the whole bot, whose events should not wait for all three.
    private async Task<List<T>> QueryAsync<T>(string sql, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct))).ToList();
    }
}

public sealed record PreviewData(IReadOnlyList<MessageFact> Facts, IReadOnlyList<AskWait> Asks, IReadOnlyList<MisrouteRow> Misroutes);

/// <summary>One assignee of one ask. Settable properties: Dapper converts integer widths per property (SQLite vs PostgreSQL).</summary>
public sealed class AskWait
{
    public string ChannelId { get; set; } = "";
    public string Ts { get; set; } = "";
    public string AskerId { get; set; } = "";
    public string State { get; set; } = "";
    public long OpenedAt { get; set; }
    public long? FirstReplyAt { get; set; }
    public long? ResolvedAt { get; set; }
    public string UserId { get; set; } = "";
    public long Declined { get; set; }

    /// <summary>When the wait ended: the first reply, or the ✅ / button / close; null while it is open.</summary>
    public long? EndedAt => FirstReplyAt ?? (State == "open" ? null : ResolvedAt);
}

public sealed class MisrouteRow
{
    public string ChannelId { get; set; } = "";
    public string UserId { get; set; } = "";
    public long At { get; set; }
}

/// <summary>One top-level message as preview sees it; instants in Unix ms. Settable for Dapper's integer widths.</summary>
public sealed class MessageFact
{
    public string ChannelId { get; set; } = "";
    public string Ts { get; set; } = "";
    public string UserId { get; set; } = "";
    public long At { get; set; }
    public long? LacksContextFrom { get; set; }
    public long? FollowUpAt { get; set; }
}
