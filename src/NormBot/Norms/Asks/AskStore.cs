using Dapper;
using NormBot.Storage;

namespace NormBot.Norms.Asks;

/// <summary>
/// Asks and who they wait on. Keyed by (team, channel, ts): recording the same message twice is a no-op. Each write
/// keeps what the reports read of it in the same transaction: the channel's day sums (<see cref="ChannelDays"/>), and
/// the ask's outcome once it settles, first answered or closed unanswered (<see cref="AskSettlements"/>).
/// </summary>
public sealed class AskStore(Db db, TimeProvider time, AskSettlements settlements)
{
    public const string Anyone = "*";

    /// <summary>The one person an ask waited on (null when several or none), as a column of a query over <c>asks</c>.</summary>
    public const string SingleAssignee = """
        (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(a.user_id) END FROM ask_assignees a
                WHERE a.team_id = asks.team_id AND a.channel_id = asks.channel_id AND a.ts = asks.ts)
        """;

    // For an open ask its first reply is its answer: it settles with it.
    private const string NoteReply = """
        UPDATE asks SET first_reply_at = @At, answered_at = @At, due_work_at = @DueAt, reply_work_ms = @ReplyMs, answered_within = @Within
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND first_reply_at IS NULL AND state = 'open'
        """;

    // An ask resolved without an earlier reply settles now: answered by the ✅ or button, or closed unanswered.
    private const string Settle = """
        UPDATE asks SET answered_at = @AnsweredAt, due_work_at = @DueAt, reply_work_ms = @ReplyMs, answered_within = @Within
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND first_reply_at IS NULL AND due_work_at IS NULL
        """;

    // Deleted asks count nowhere; a reopened one without a reply is open and unanswered again.
    private const string Unsettle = """
        UPDATE asks SET answered_at = NULL, due_work_at = NULL, reply_work_ms = NULL, answered_within = NULL
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND (state = 'deleted' OR first_reply_at IS NULL)
        """;

    private const string InsertAsk = """
        INSERT INTO asks (team_id, channel_id, ts, thread_ts, asker_id, excerpt, state, opened_at)
        VALUES (@TeamId, @ChannelId, @Ts, @ThreadTs, @AskerId, @Excerpt, 'open', @OpenedAt)
        ON CONFLICT (team_id, channel_id, ts) DO NOTHING
        """;

    private const string InsertAssignee = """
        INSERT INTO ask_assignees (team_id, channel_id, ts, user_id, due_at, escalate_at, group_id)
        VALUES (@TeamId, @ChannelId, @Ts, @UserId, @DueAt, @EscalateAt, @GroupId)
        ON CONFLICT (team_id, channel_id, ts, user_id) DO NOTHING
        """;

    private const string SelectAsk = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, ts AS Ts, thread_ts AS ThreadTs, asker_id AS AskerId,
               excerpt AS Excerpt, state AS State, opened_at AS OpenedAt, first_reply_at AS FirstReplyAt, escalation_level AS EscalationLevel
        FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts
        """;

    private const string SelectOpenAssignees = """
        SELECT user_id FROM ask_assignees WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND open = 1 AND declined = 0
        """;

    private const string Resolve = """
        UPDATE asks SET state = @State, resolved_at = @At, resolved_by = @By
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND state = 'open'
        """;

    private const string SelectGroups = """
        SELECT DISTINCT group_id FROM ask_assignees WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND group_id IS NOT NULL
        """;

    // Only the person whose ✅ answered the ask can take the answer back by removing it.
    private const string Reopen = """
        UPDATE asks SET state = 'open', resolved_at = NULL, resolved_by = NULL
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND state = 'answered' AND resolved_by = @By
        """;

    private const string CloseAssignees = "UPDATE ask_assignees SET open = 0 WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts";

    // A null channel closes the whole workspace's asks (the app was uninstalled).
    private const string CloseWhereGone = """
        UPDATE asks SET state = 'closed', resolved_at = @At
        WHERE team_id = @TeamId AND (@ChannelId IS NULL OR channel_id = @ChannelId) AND state = 'open'
        """;

    private const string CloseAssigneesWhereGone = """
        UPDATE ask_assignees SET open = 0 WHERE team_id = @TeamId AND (@ChannelId IS NULL OR channel_id = @ChannelId) AND open = 1
        """;

    private const string StopWaitingOn = "UPDATE ask_assignees SET declined = 1 WHERE team_id = @TeamId AND user_id = @UserId AND open = 1 AND declined = 0";

    /// <summary>Records an ask with its assignees; false when it was already recorded (a retry or a replay).</summary>
    public async Task<bool> OpenAsync(Ask ask, IReadOnlyList<AskAssignee> assignees, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(InsertAsk, ask, tx) == 0)
        {
            return false;
        }

        foreach (var a in assignees)
        {
            await connection.ExecuteAsync(InsertAssignee, new { ask.TeamId, ask.ChannelId, ask.Ts, a.UserId, DueAt = a.DueAt.ToUnixTimeMilliseconds(), EscalateAt = a.EscalateAt.ToUnixTimeMilliseconds(), a.GroupId }, tx);
        }

        await ChannelDays.AddAsync(connection, tx, ask.TeamId, ask.ChannelId, ask.OpenedAt, new DaySums { Asks = 1, OpenedSum = ask.OpenedAt });
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<Ask?> FindAsync(string teamId, string channelId, string ts, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<Ask>(SelectAsk, new { TeamId = teamId, ChannelId = channelId, Ts = ts });
    }

    public async Task<IReadOnlyList<string>> OpenAssigneesAsync(string teamId, string channelId, string ts, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(SelectOpenAssignees, new { TeamId = teamId, ChannelId = channelId, Ts = ts })).ToList();
    }

    /// <summary>Notes the first reply to an open ask by someone other than the asker (time to first reply, for digests).</summary>
    public async Task NoteReplyAsync(string teamId, string channelId, string ts, DateTimeOffset at, CancellationToken ct)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        if (await settlements.ForAsync(teamId, channelId, ts, atMs, ct) is not { } settling)
        {
            return;
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(NoteReply, settling.Args(atMs), tx) == 1)
        {
            await ChannelDays.AddAsync(connection, tx, teamId, channelId, settling.OpenedAt, new DaySums { Replied = 1, RepliedSum = atMs });
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Closes an open ask (answered, deleted); false when it was not open.</summary>
    public async Task<bool> ResolveAsync(string teamId, string channelId, string ts, string state, string? by, CancellationToken ct)
    {
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var settling = state == Ask.Deleted ? null : await settlements.ForAsync(teamId, channelId, ts, state == Ask.Answered ? at : null, ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { TeamId = teamId, ChannelId = channelId, Ts = ts, State = state, By = by, At = at };
        var changed = await connection.ExecuteAsync(Resolve, args, tx) == 1;
        await connection.ExecuteAsync(CloseAssignees, args, tx);
        if (changed && settling is not null)
        {
            await connection.ExecuteAsync(Settle, settling.Args(state == Ask.Answered ? at : null), tx);
        }
        else if (changed && state == Ask.Deleted)
        {
            await connection.ExecuteAsync(Unsettle, args, tx);
            var openedAt = await connection.ExecuteScalarAsync<long>("SELECT opened_at FROM asks WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts", args, tx);
            await ChannelDays.AddAsync(connection, tx, teamId, channelId, openedAt, new DaySums { Deleted = 1 });
        }

        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>The user groups an ask was addressed to (its assignees came from their members).</summary>
    public async Task<IReadOnlyList<string>> GroupsAsync(string teamId, string channelId, string ts, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(SelectGroups, new { TeamId = teamId, ChannelId = channelId, Ts = ts })).ToList();
    }

    /// <summary>Opens an answered ask again (its ✅ was taken back by <paramref name="by"/>); false when it was not theirs to reopen.</summary>
    public async Task<bool> ReopenAsync(string teamId, string channelId, string ts, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { TeamId = teamId, ChannelId = channelId, Ts = ts, By = by };
        if (await connection.ExecuteAsync(Reopen, args, tx) == 0)
        {
            return false;
        }

        await connection.ExecuteAsync("UPDATE ask_assignees SET open = 1 WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts", args, tx);
        await connection.ExecuteAsync(Unsettle, args, tx);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task UpdateExcerptAsync(string teamId, string channelId, string ts, string excerpt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE asks SET excerpt = @Excerpt WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts",
            new { TeamId = teamId, ChannelId = channelId, Ts = ts, Excerpt = excerpt });
    }

    /// <summary>
    /// The channel (or, with none, the workspace) is out of NormBot's reach: its open asks are closed, with no reminder
    /// or escalation to come. Returns how many asks were closed.
    /// </summary>
    public async Task<int> CloseAllAsync(string teamId, string? channelId, CancellationToken ct)
    {
        var args = new { TeamId = teamId, ChannelId = channelId, At = time.GetUtcNow().ToUnixTimeMilliseconds() };
        var closing = await settlements.ClosingAsync(teamId, channelId, ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var closed = await connection.ExecuteAsync(CloseWhereGone, args, tx);
        await connection.ExecuteAsync(CloseAssigneesWhereGone, args, tx);
        foreach (var ask in closing)
        {
            await connection.ExecuteAsync(Settle, ask.Args(null), tx);
        }

        await tx.CommitAsync(ct);
        return closed;
    }

    /// <summary>Slack cannot reach this person (deactivated, a bot): no ask waits on them any more, as with "Not for me".</summary>
    public async Task StopWaitingOnAsync(string teamId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(StopWaitingOn, new { TeamId = teamId, UserId = userId });
    }

    /// <summary>Snooze 1h: remind this assignee again later.</summary>
    public async Task RemindLaterAsync(string teamId, string channelId, string ts, string userId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE ask_assignees SET snoozed_until = @At, reminded_at = NULL WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND user_id = @UserId",
            new { TeamId = teamId, ChannelId = channelId, Ts = ts, UserId = userId, At = at.ToUnixTimeMilliseconds() });
    }

    /// <summary>Not for me: this assignee is out of the ask.</summary>
    public async Task DeclineAsync(string teamId, string channelId, string ts, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE ask_assignees SET declined = 1 WHERE team_id = @TeamId AND channel_id = @ChannelId AND ts = @Ts AND user_id = @UserId",
            new { TeamId = teamId, ChannelId = channelId, Ts = ts, UserId = userId });
    }
}

/// <summary>An ask as stored: metadata and a short excerpt only.</summary>
public sealed record Ask(
    string TeamId, string ChannelId, string Ts, string? ThreadTs, string AskerId, string Excerpt, string State, long OpenedAt, long? FirstReplyAt = null,
    long EscalationLevel = 0)
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Deleted = "deleted";

    /// <summary>Its channel was archived, deleted or left by the bot, or the app was uninstalled.</summary>
    public const string Closed = "closed";
}

/// <summary>One person an ask waits on, with their own deadlines (due, and the first level of the escalation chain); <see cref="GroupId"/> when asked as a member of a user group.</summary>
public sealed record AskAssignee(string UserId, DateTimeOffset DueAt, DateTimeOffset EscalateAt, string? GroupId = null);
