using Dapper;
using NormBot.Digests;
using NormBot.Storage;

namespace NormBot.Norms.Asks;

/// <summary>
/// An ask's outcome as the reports count it, worked out when it settles: first answered, or closed unanswered
/// (<see cref="AskOutcomes"/>, in the working time of the one person it waited on, or the channel's). Read and worked
/// out before <see cref="AskStore"/> opens its transaction, which writes it with a guard so a race settles nothing twice.
/// </summary>
public sealed class AskSettlements(Db db, AskOutcomes outcomes)
{
    private const string SelectSettling = $"""
        SELECT team_id AS TeamId, channel_id AS ChannelId, ts AS Ts, {AskStore.SingleAssignee} AS AssigneeId, opened_at AS OpenedAt, first_reply_at AS FirstReplyAt, due_work_at AS DueWorkAt
        FROM asks
        """;

    private const string SelectOne = $"{SelectSettling} WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts";

    // The open asks a gone channel (or workspace) closes unanswered.
    private const string SelectClosing = $"""
        {SelectSettling} WHERE team_id = @TeamId AND (@ChannelId IS NULL OR channel_id = @ChannelId) AND state = 'open' AND due_work_at IS NULL AND first_reply_at IS NULL
        """;

    /// <summary>
    /// The ask and its outcome should it settle now, answered at <paramref name="answeredAt"/> (null: unanswered); null
    /// when there is no such ask or it has settled already (a reply was its answer).
    /// </summary>
    public async Task<Settlement?> ForAsync(string teamId, string channelId, string ts, long? answeredAt, CancellationToken ct)
    {
        SettlingRow? row;
        await using (var connection = await db.OpenAsync(ct))
        {
            row = await connection.QueryFirstOrDefaultAsync<SettlingRow>(SelectOne, new { TeamId = teamId, ChannelId = channelId, Ts = ts });
        }

        return row is null || row.FirstReplyAt is not null || row.DueWorkAt is not null ? null : (await OutcomesAsync(teamId, [row], answeredAt, ct))[0];
    }

    /// <summary>The open, unanswered asks a gone channel (or, with none, workspace) closes, with their outcomes.</summary>
    public async Task<IReadOnlyList<Settlement>> ClosingAsync(string teamId, string? channelId, CancellationToken ct)
    {
        List<SettlingRow> rows;
        await using (var connection = await db.OpenAsync(ct))
        {
            rows = (await connection.QueryAsync<SettlingRow>(SelectClosing, new { TeamId = teamId, ChannelId = channelId })).ToList();
        }

        return await OutcomesAsync(teamId, rows, null, ct);
    }

    private async Task<IReadOnlyList<Settlement>> OutcomesAsync(string teamId, IReadOnlyList<SettlingRow> rows, long? answeredAt, CancellationToken ct)
    {
        var worked = await outcomes.OfAsync(teamId, [.. rows.Select(r => new SettlingAsk(r.ChannelId, r.AssigneeId, r.OpenedAt, answeredAt))], ct);
        return rows.Zip(worked, (r, o) => new Settlement(r.TeamId, r.ChannelId, r.Ts, r.OpenedAt, o)).ToList();
    }

    // Settable properties: Dapper reads them from either store (see DigestDataStore).
    private sealed class SettlingRow
    {
        public string TeamId { get; set; } = "";

        public string ChannelId { get; set; } = "";

        public string Ts { get; set; } = "";

        public string? AssigneeId { get; set; }

        public long OpenedAt { get; set; }

        public long? FirstReplyAt { get; set; }

        public long? DueWorkAt { get; set; }
    }
}
