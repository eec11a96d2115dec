using System.Text.Json;
using Dapper;
using NormBot.Slack.Api;
using NormBot.Storage;
using Prometheus;

namespace NormBot.Slack.Outbox;

/// <summary>Sends due outbox rows through the Web API client (which paces and retries), oldest first.</summary>
public sealed partial class OutboxSender(Db db, SlackOutbox outbox, ISlackApi slack, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    private const string SelectDue = """
        SELECT team_id AS TeamId, id AS Id, method AS Method, body AS Body, attempts AS Attempts, receipt AS Receipt
        FROM slack_outbox WHERE sent_at IS NULL AND not_before <= @Now ORDER BY not_before LIMIT 50
        """;

    private const string RememberPost = """
        INSERT INTO slack_posts (team_id, receipt, channel_id, ts, posted_at) VALUES (@TeamId, @Receipt, @ChannelId, @Ts, @At)
        ON CONFLICT (team_id, receipt) DO UPDATE SET channel_id = excluded.channel_id, ts = excluded.ts, posted_at = excluded.posted_at
        """;

    private const string MarkSent = "UPDATE slack_outbox SET sent_at = @At, attempts = attempts + 1, last_error = @Error WHERE team_id = @TeamId AND id = @Id";
    private const string MarkRetry = "UPDATE slack_outbox SET attempts = attempts + 1, not_before = @NotBefore, last_error = @Error WHERE team_id = @TeamId AND id = @Id";

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

            // Woken at once by new messages; the timeout picks up held DMs whose time has come. No token here:
            // a cancelled semaphore wait completes this loop inline on the thread stopping the host, and a
            // host disposed from that continuation (the test host does) deadlocks. The loop ends within a second.
            await outbox.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        List<Row> due;
        await using (var connection = await db.OpenAsync(ct))
        {
            due = (await connection.QueryAsync<Row>(SelectDue, new { Now = time.GetUtcNow().ToUnixTimeMilliseconds() })).ToList();
            outbox.PendingEstimate = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NULL");
        }

        foreach (var row in due)
        {
            await SendAsync(row, ct);
        }

        return due.Count;
    }

    private async Task SendAsync(Row row, CancellationToken ct)
    {
        string? error = null;
        var retry = false;
        PostMessageResponse? posted = null;
        try
        {
            posted = await CallAsync(row, ct);
        }
        catch (SlackApiException ex)
        {
            // Slack refused this message (channel_not_found, not_in_channel, ...): sending it again will not help.
            error = ex.Error;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = ex.GetType().Name;
            retry = row.Attempts + 1 < MaxAttempts;
        }

        Sent.WithLabels(row.Method, error is null ? "sent" : retry ? "retry" : "failed").Inc();
        await using var connection = await db.OpenAsync(ct);
        var now = time.GetUtcNow();
        if (retry)
        {
            var backoff = TimeSpan.FromSeconds(Math.Pow(2, row.Attempts + 1) * 5);
            await connection.ExecuteAsync(MarkRetry, new { row.TeamId, row.Id, NotBefore = (now + backoff).ToUnixTimeMilliseconds(), Error = error });
            Log.WillRetry(logger, row.Method, error!, backoff.TotalSeconds);
        }
        else
        {
            if (posted is not null && row.Receipt is not null)
            {
                await connection.ExecuteAsync(RememberPost, new { row.TeamId, row.Receipt, ChannelId = posted.Channel, posted.Ts, At = now.ToUnixTimeMilliseconds() });
            }

            await connection.ExecuteAsync(MarkSent, new { row.TeamId, row.Id, At = now.ToUnixTimeMilliseconds(), Error = error });
            if (error is not null)
            {
                Log.GaveUp(logger, row.Method, error);
            }
        }
    }

    /// <summary>Makes the call; returns where a chat.postMessage landed, null for the other methods.</summary>
    private async Task<PostMessageResponse?> CallAsync(Row row, CancellationToken ct)
    {
        switch (row.Method)
        {
            case OutboxMessage.PostMessageMethod:
                return await slack.PostMessageAsync(Deserialize<PostMessage>(row.Body), ct);
            case OutboxMessage.PostEphemeralMethod:
                await slack.PostEphemeralAsync(Deserialize<PostEphemeral>(row.Body), ct);
                return null;
            case OutboxMessage.UpdateMethod:
                await slack.UpdateMessageAsync(Deserialize<UpdateMessage>(row.Body), ct);
                return null;
            default:
                throw new InvalidOperationException($"unknown outbox method {row.Method}");
        }
    }

    private static T Deserialize<T>(string body) => JsonSerializer.Deserialize<T>(body, SlackJson.Options)!;

    private sealed record Row(string TeamId, string Id, string Method, string Body, long Attempts, string? Receipt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Method} failed ({Error}); retrying in {Seconds}s")]
        public static partial void WillRetry(ILogger logger, string method, string error, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Method} refused by Slack ({Error}); not retried")]
        public static partial void GaveUp(ILogger logger, string method, string error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop failed")]
        public static partial void LoopFailed(ILogger logger, Exception exception);
    }
}
