using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.Escalations;

/// <summary>
/// Where each ask's escalation chain stands: <c>asks.escalation_level</c> counts the levels fired, each assignee's
/// <c>escalate_at</c> is when their wait reaches the next one, and <c>escalated_at</c> marks the chain done. Every level
/// is also recorded in <c>ask_escalations</c>, which the asker's App Home lists.
/// </summary>
public sealed class EscalationStore(Db db)
{
    private const string Record = """
        INSERT INTO ask_escalations (team_id, channel_id, ts, level, target, outcome, at)
        VALUES (@TeamId, @ChannelId, @Ts, @Level, @Target, @Outcome, @At)
        ON CONFLICT (team_id, channel_id, ts, level) DO NOTHING
        """;

    private const string SetLevel = "UPDATE asks SET escalation_level = @Level WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts";

    private const string SetNext = "UPDATE ask_assignees SET escalate_at = @At WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND user_id = @UserId";

    private const string Done = "UPDATE ask_assignees SET escalated_at = @At WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts";

    private const string ForAsker = """
        SELECT e.channel_id AS ChannelId, e.ts AS Ts, e.level AS Level, e.target AS Target, e.outcome AS Outcome, e.at AS At
        FROM ask_escalations e
        JOIN asks k ON k.team_id = e.team_id AND k.channel_id = e.channel_id AND k.ts = e.ts
        WHERE e.team_id = @TeamId AND k.asker_id = @UserId AND k.state = 'open'
        ORDER BY e.channel_id, e.ts, e.level
        """;

    public async Task RecordAsync(string teamId, string channelId, string ts, EscalationStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Record, new { TeamId = teamId, ChannelId = channelId, Ts = ts, step.Level, step.Target, step.Outcome, step.At });
    }

    /// <summary>Sets when each assignee's wait reaches the next level; with <paramref name="level"/>, that so many levels have fired.</summary>
    public async Task ScheduleAsync(string teamId, string channelId, string ts, long? level, IReadOnlyDictionary<string, DateTimeOffset> next, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(next);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (level is not null)
        {
            await connection.ExecuteAsync(SetLevel, new { TeamId = teamId, ChannelId = channelId, Ts = ts, Level = level }, tx);
        }

        foreach (var (userId, at) in next)
        {
            await connection.ExecuteAsync(SetNext, new { TeamId = teamId, ChannelId = channelId, Ts = ts, UserId = userId, At = at.ToUnixTimeMilliseconds() }, tx);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>No more levels: the ask answered, closed, or the chain at its end.</summary>
    public async Task FinishAsync(string teamId, string channelId, string ts, long level, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(SetLevel, new { TeamId = teamId, ChannelId = channelId, Ts = ts, Level = level }, tx);
        await connection.ExecuteAsync(Done, new { TeamId = teamId, ChannelId = channelId, Ts = ts, At = at.ToUnixTimeMilliseconds() }, tx);
        await tx.CommitAsync(ct);
    }

    /// <summary>Every level fired so far on the open asks of <paramref name="userId"/>, by ask and level.</summary>
    public async Task<ILookup<(string ChannelId, string Ts), EscalationStep>> ForAskerAsync(string teamId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(ForAsker, new { TeamId = teamId, UserId = userId });
        return rows.ToLookup(r => (r.ChannelId, r.Ts), r => new EscalationStep(r.Level, r.Target, r.Outcome, r.At));
    }

    private sealed record Row(string ChannelId, string Ts, long Level, string Target, string Outcome, long At);
}

/// <summary>One level of a chain as it happened: who it was for (Slack markup), what came of it, when (Unix ms).</summary>
public sealed record EscalationStep(long Level, string Target, string Outcome, long At)
{
    public const string Sent = "sent";
    public const string Held = "held";
    public const string Skipped = "skipped";
    public const string NotSent = "not sent";
    public const string Observed = "would have been sent (observe mode)";
}
