using Dapper;
using Microsoft.Extensions.Options;
using NormBot.Norms;

namespace NormBot.Storage;

/// <summary>
/// Enforces <c>Storage:RetentionDays</c> (PRODUCT §9): resolved asks and message metadata older than that
/// are deleted; delivery bookkeeping (inbox bodies, sent outbox rows) goes after a day, since it only
/// serves Slack's retries. Open asks stay however old, and the per-day sums follow what is deleted. The statements live together because retention
/// is one policy across features, and reading them side by side is how it is checked.
/// </summary>
public sealed class RetentionService(Db db, IOptions<StorageOptions> options, TimeProvider time)
{
    private static readonly string[] OlderThanRetention =
    [
        "DELETE FROM ask_assignees WHERE open = 0 AND EXISTS (SELECT 1 FROM asks k WHERE k.team_id = ask_assignees.team_id AND k.channel_id = ask_assignees.channel_id AND k.ts = ask_assignees.ts AND k.state <> 'open' AND k.opened_at < @Before)",
        "DELETE FROM ask_escalations WHERE EXISTS (SELECT 1 FROM asks k WHERE k.team_id = ask_escalations.team_id AND k.channel_id = ask_escalations.channel_id AND k.ts = ask_escalations.ts AND k.state <> 'open' AND k.opened_at < @Before)",
        "DELETE FROM asks WHERE state <> 'open' AND opened_at < @Before",
        "DELETE FROM away_spans WHERE until_at < @Before",
        "DELETE FROM nudges WHERE at < @Before",
        "DELETE FROM decisions WHERE at < @Before",
        "DELETE FROM message_facts WHERE at < @Before",
        "DELETE FROM slack_effects WHERE created_at < @Before",
        "DELETE FROM slack_posts WHERE posted_at < @Before",
    ];

    private static readonly string[] OlderThanADay =
    [
        "DELETE FROM slack_inbox WHERE processed_at IS NOT NULL AND processed_at < @Before",
        "DELETE FROM slack_outbox WHERE sent_at IS NOT NULL AND sent_at < @Before",
        "DELETE FROM expectation_notes WHERE noted_at < @Before",
    ];

    // The audit log is not purged: it is the record of who changed the norms, and it holds no message data.

    /// <summary>Returns how many rows were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var retention = new { Before = (now - TimeSpan.FromDays(options.Value.RetentionDays)).ToUnixTimeMilliseconds() };
        var day = new { Before = (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds() };
        var deleted = 0;
        await using var connection = await db.OpenAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            foreach (var sql in OlderThanRetention)
            {
                deleted += await connection.ExecuteAsync(sql, retention, tx);
            }

            // The day sums up to the cut are worked out again from what is left (open asks, the rest of the cut's day).
            await ChannelDays.RebuildAsync(connection, tx, ChannelDays.DayOf(retention.Before) + ChannelDays.DayMs);
            await tx.CommitAsync(ct);
        }

        foreach (var sql in OlderThanADay)
        {
            deleted += await connection.ExecuteAsync(sql, day);
        }

        return deleted;
    }
}
