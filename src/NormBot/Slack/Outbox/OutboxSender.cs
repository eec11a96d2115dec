using System.Text.Json;
using Dapper;
using NormBot.Slack.Api;
using NormBot.Slack.Installations;
using NormBot.Slack.Leaving;
using NormBot.Storage;
using Prometheus;

namespace NormBot.Slack.Outbox;

/// <summary>
/// Sends due outbox rows, oldest first, each with its own workspace's token; workspaces in parallel, each in order.
/// What Slack did not take is kept and tried again with growing pauses (<see cref="SlackErrors.MayRetry"/>, the same
/// rule as the client's); a paused workspace's messages wait untouched; a message that may already be on someone's
/// screen is not sent twice; a permanent refusal is logged once and its channel or person stops being tracked.
/// </summary>
public sealed partial class OutboxSender(
    Db db, Leases leases, SlackOutbox outbox, ISlackClients slack, InstallationDirectory installations, SlackGone gone, TimeProvider time,
    ILogger<OutboxSender> logger)
    : BackgroundService
{
    /// <summary>Past this age a message is dropped: a nudge a day late confuses more than it helps.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    // One workspace's rate limit or outage must not hold up the others; within a workspace, order is kept.
    private const int ParallelWorkspaces = 8;

    /// <summary>
    /// The rows due now. Paused workspaces' rows are left where they are: the stored ones by their installation, the
    /// configured one by name (<c>@PausedConfigured</c>, see <see cref="PausedConfigured"/>).
    /// </summary>
    public const string DueWhere = """
        o.sent_at IS NULL AND o.not_before <= @Now AND o.team_id <> @PausedConfigured
          AND NOT EXISTS (SELECT 1 FROM slack_installations i WHERE i.team_id = o.team_id AND i.auth_error IS NOT NULL)
        """;

    private const string SelectDue = $"""
        SELECT o.team_id AS TeamId, o.id AS Id, o.method AS Method, o.body AS Body, o.attempts AS Attempts, o.created_at AS CreatedAt, o.receipt AS Receipt
        FROM slack_outbox o
        WHERE {DueWhere} AND (o.lease_until IS NULL OR o.lease_until < @Now)
        ORDER BY o.not_before LIMIT 50
        """;

    private const string RememberPost = """
        INSERT INTO slack_posts (team_id, receipt, channel_id, ts, posted_at) VALUES (@TeamId, @Receipt, @ChannelId, @Ts, @At)
        ON CONFLICT (team_id, receipt) DO UPDATE SET channel_id = excluded.channel_id, ts = excluded.ts, posted_at = excluded.posted_at
        """;

    // Compare-and-swap on the lease (PRODUCT §15): of two replicas that read the same due row, one sends it.
    private const string Claim = """
        UPDATE slack_outbox SET lease_owner = @Owner, lease_until = @Until
        WHERE team_id = @TeamId AND id = @Id AND sent_at IS NULL AND not_before <= @Now AND (lease_until IS NULL OR lease_until < @Now)
        """;

    private const string Settled = "lease_owner = NULL, lease_until = NULL WHERE team_id = @TeamId AND id = @Id AND lease_owner = @Owner";
    private const string MarkDone = $"UPDATE slack_outbox SET sent_at = @At, attempts = attempts + 1, last_error = @Error, {Settled}";
    private const string MarkRetry = $"UPDATE slack_outbox SET attempts = attempts + 1, not_before = @NotBefore, last_error = @Error, {Settled}";
    private const string Unclaim = $"UPDATE slack_outbox SET {Settled}";

    private static readonly Counter Sent = Metrics.CreateCounter("normbot_outbox_sent_total", "Outbox messages by outcome.", "method", "outcome");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.LoopFailed(logger, ex);
            }

            // Woken at once by new messages; the timeout picks up held DMs whose time has come.
            try
            {
                await outbox.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The cancelled wait resumes this loop inline on the thread stopping the host: leave that thread
                // at once, since a host disposed from this continuation would wait for itself.
                await Task.Yield();
            }
        }
    }

    /// <summary>The configured workspace's team id while it is paused, else "" (no team has that id).</summary>
    public static string PausedConfigured(InstallationDirectory installations)
    {
        ArgumentNullException.ThrowIfNull(installations);
        return installations.ConfiguredError is null ? "" : installations.Configured?.TeamId ?? "";
    }

    /// <summary>Returns how many rows were settled or rescheduled (rows of a workspace paused meanwhile are not counted).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var pausedConfigured = PausedConfigured(installations);
        List<Row> due;
        await using (var connection = await db.OpenAsync(ct))
        {
            due = (await connection.QueryAsync<Row>(SelectDue, new { Now = time.GetUtcNow().ToUnixTimeMilliseconds(), PausedConfigured = pausedConfigured })).ToList();
            outbox.PendingEstimate = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NULL");
        }

        var handled = 0;
        var workspaces = new ParallelOptions { MaxDegreeOfParallelism = ParallelWorkspaces, CancellationToken = ct };
        await Parallel.ForEachAsync(due.GroupBy(r => r.TeamId), workspaces, async (rows, token) =>
        {
            foreach (var row in rows)
            {
                if (!await SendAsync(row, token))
                {
                    return; // the workspace was paused: the rest of its rows wait with this one
                }

                Interlocked.Increment(ref handled);
            }
        });
        return handled;
    }

    /// <summary>Returns false when the workspace is paused and the row was left as it was.</summary>
    private async Task<bool> SendAsync(Row row, CancellationToken ct)
    {
        var claimedAt = time.GetUtcNow();
        await using (var connection = await db.OpenAsync(ct))
        {
            var claim = new
            {
                row.TeamId, row.Id, leases.Owner, Now = claimedAt.ToUnixTimeMilliseconds(), Until = (claimedAt + leases.Duration).ToUnixTimeMilliseconds(),
            };
            if (await connection.ExecuteAsync(Claim, claim) == 0)
            {
                return true; // another replica has it
            }
        }

        SlackApiException? failure = null;
        PostMessageResponse? posted = null;
        try
        {
            posted = await CallAsync(row, ct);
        }
        catch (SlackApiException ex)
        {
            failure = ex;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not Slack: a row we cannot read. Retrying cannot help, and it must not block the rows behind it.
            Log.Unreadable(logger, row.Method, ex);
            failure = new SlackApiException(row.Method, ex.GetType().Name) { Kind = SlackErrorKind.Permanent };
        }

        var now = time.GetUtcNow();
        var outcome = failure switch
        {
            null => "sent",
            { Kind: SlackErrorKind.Auth } => "paused",
            { MayRetry: true } when now - DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt) < GiveUpAfter => "retry",
            { Kind: SlackErrorKind.MayHaveLanded } => "uncertain",
            _ => "failed",
        };
        Sent.WithLabels(row.Method, outcome).Inc();
        await using (var connection = await db.OpenAsync(ct))
        {
            if (outcome == "paused")
            {
                await connection.ExecuteAsync(Unclaim, new { row.TeamId, row.Id, leases.Owner });
                return false;
            }

            if (posted is not null && row.Receipt is not null)
            {
                await connection.ExecuteAsync(RememberPost, new { row.TeamId, row.Receipt, ChannelId = posted.Channel, posted.Ts, At = now.ToUnixTimeMilliseconds() });
            }

            if (outcome == "retry")
            {
                var wait = Backoff(row.Attempts, (failure as SlackRateLimitedException)?.RetryAfter);
                await connection.ExecuteAsync(MarkRetry, new { row.TeamId, row.Id, leases.Owner, NotBefore = (now + wait).ToUnixTimeMilliseconds(), Error = failure!.Error });
                Log.WillRetry(logger, row.Method, failure.Error, wait.TotalSeconds);
                return true;
            }

            await connection.ExecuteAsync(MarkDone, new { row.TeamId, row.Id, leases.Owner, At = now.ToUnixTimeMilliseconds(), failure?.Error });
        }

        if (outcome == "uncertain")
        {
            Log.Uncertain(logger, row.Method, failure!.Error);
        }
        else if (failure is not null)
        {
            Log.GaveUp(logger, row.Method, failure.Error);
            var (channel, user) = Addressees(row.Body);
            await gone.RefusedAsync(row.TeamId, failure, channel, user, ct);
        }

        return true;
    }

    private static TimeSpan Backoff(long attempts, TimeSpan? retryAfter)
    {
        var backoff = FirstBackoff * Math.Pow(2, Math.Min(attempts, 10));
        backoff = backoff < MaxBackoff ? backoff : MaxBackoff;
        return retryAfter > backoff ? retryAfter.Value : backoff;
    }

    private static (string? Channel, string? User) Addressees(string body)
    {
        using var json = JsonDocument.Parse(body);
        string? Field(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return (Field("channel"), Field("user"));
    }

    /// <summary>Makes the call; returns where a chat.postMessage landed, null for the other methods.</summary>
    private async Task<PostMessageResponse?> CallAsync(Row row, CancellationToken ct)
    {
        var api = slack.For(row.TeamId);
        switch (row.Method)
        {
            case OutboxMessage.PostMessageMethod:
                return await api.PostMessageAsync(Deserialize<PostMessage>(row.Body), ct);
            case OutboxMessage.PostEphemeralMethod:
                await api.PostEphemeralAsync(Deserialize<PostEphemeral>(row.Body), ct);
                return null;
            case OutboxMessage.UpdateMethod:
                await api.UpdateMessageAsync(Deserialize<UpdateMessage>(row.Body), ct);
                return null;
            default:
                throw new InvalidOperationException($"unknown outbox method {row.Method}");
        }
    }

    private static T Deserialize<T>(string body) => JsonSerializer.Deserialize<T>(body, SlackApiJson.Options)!;

    private sealed record Row(string TeamId, string Id, string Method, string Body, long Attempts, long CreatedAt, string? Receipt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Method} not taken by Slack ({Error}); trying again in {Seconds}s")]
        public static partial void WillRetry(ILogger logger, string method, string error, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Method} refused by Slack ({Error}); not retried")]
        public static partial void GaveUp(ILogger logger, string method, string error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Method} may have reached Slack ({Error}); not sent again, so nobody sees it twice")]
        public static partial void Uncertain(ILogger logger, string method, string error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Method} row could not be sent")]
        public static partial void Unreadable(ILogger logger, string method, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop failed")]
        public static partial void LoopFailed(ILogger logger, Exception exception);
    }
}
