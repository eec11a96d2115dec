using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.Feedback;

/// <summary>
/// "Not helpful" records (a nudge's outcome) and the figures leaders read from them: nudges and the share marked not
/// helpful, per rule and channel. "Not urgent" on a misroute nudge is the same record ("dismissed" in older rows).
/// </summary>
public sealed class NudgeFeedbackStore(Db db)
{
    public const string NotHelpfulOutcome = "not_helpful";

    // An escalation is shared by everyone who can see it, so whoever presses records it for all its rows.
    private const string SetOutcome = """
        UPDATE nudges SET outcome = @Outcome
        WHERE team_id = @TeamId AND rule = @Rule AND channel_id = @ChannelId AND message_ts = @Ts AND (user_id = @UserId OR rule = 'escalation')
        """;

    private const string SelectDetail = """
        SELECT detail FROM nudges WHERE team_id = @TeamId AND rule = @Rule AND channel_id = @ChannelId AND message_ts = @Ts
        ORDER BY at DESC LIMIT 1
        """;

    private const string SelectRates = """
        SELECT rule AS Rule, channel_id AS ChannelId, SUM(CASE WHEN observed = 0 THEN 1 ELSE 0 END) AS Nudges,
               SUM(CASE WHEN outcome IN ('not_helpful', 'dismissed') THEN 1 ELSE 0 END) AS NotHelpful,
               SUM(observed) AS WouldHaveNudged
        FROM nudges
        WHERE team_id = @TeamId AND at >= @From AND at < @To
        GROUP BY rule, channel_id
        """;

    /// <summary>Records that <paramref name="userId"/> found this rule's nudge about this message not helpful; false when no such nudge was sent.</summary>
    public Task<bool> NotHelpfulAsync(string teamId, string userId, string rule, string channelId, string ts, CancellationToken ct) =>
        RecordOutcomeAsync(teamId, userId, rule, channelId, ts, NotHelpfulOutcome, ct);

    /// <summary>What came of a nudge ("moved", "not_helpful"); false when no such nudge was sent.</summary>
    public async Task<bool> RecordOutcomeAsync(string teamId, string userId, string rule, string channelId, string ts, string outcome, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { TeamId = teamId, UserId = userId, Rule = rule, ChannelId = channelId, Ts = ts, Outcome = outcome };
        return await connection.ExecuteAsync(SetOutcome, args) > 0;
    }

    /// <summary>What the rule noted when it nudged about this message (the context gap, the misroute's matched words).</summary>
    public async Task<string?> DetailAsync(string teamId, string rule, string channelId, string ts, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(SelectDetail, new { TeamId = teamId, Rule = rule, ChannelId = channelId, Ts = ts });
    }

    /// <summary>Per rule and channel, most nudged first; <paramref name="channelIds"/> empty means every channel.</summary>
    public async Task<IReadOnlyList<NudgeRate>> RatesAsync(string teamId, IReadOnlyCollection<string> channelIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<NudgeRate>(SelectRates, new { TeamId = teamId, From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() });
        return [.. rows.Where(r => channelIds.Count == 0 || channelIds.Contains(r.ChannelId))
            .OrderByDescending(r => r.Nudges + r.WouldHaveNudged).ThenBy(r => r.Rule, StringComparer.Ordinal).ThenBy(r => r.ChannelId, StringComparer.Ordinal)];
    }
}

/// <summary>
/// One rule in one channel over a period. Settable properties: SQLite hands SUM back as a blob-typed NULL-able
/// aggregate and PostgreSQL COUNT as bigint, which Dapper converts per property but not per constructor parameter.
/// </summary>
public sealed record NudgeRate
{
    public string Rule { get; init; } = "";

    public string ChannelId { get; init; } = "";

    public long Nudges { get; init; }

    public long NotHelpful { get; init; }

    /// <summary>Nudges decided in observe mode: recorded, not sent (PRODUCT §16).</summary>
    public long WouldHaveNudged { get; init; }

    public double NotHelpfulShare => Nudges == 0 ? 0 : (double)NotHelpful / Nudges;
}
