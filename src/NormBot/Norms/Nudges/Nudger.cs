using Dapper;
using NormBot.Slack.Outbox;
using NormBot.Storage;
using Prometheus;

namespace NormBot.Norms.Nudges;

/// <summary>
/// Decides and records a nudge in one transaction: the effect key (never twice), the person's snooze
/// and daily limit, the nudge row, and the outbox message that carries it to Slack.
/// </summary>
public sealed partial class Nudger(Db db, SlackOutbox outbox, TimeProvider time, ILogger<Nudger> logger)
{
    // Observed nudges count against the limit of observed ones only: a trial week shows what the limit would have let through.
    private const string CountToday = "SELECT COUNT(*) FROM nudges WHERE team_id = @TeamId AND user_id = @UserId AND at > @Since AND observed = @Observed";

    private const string SnoozedUntil = "SELECT snoozed_until FROM user_snoozes WHERE team_id = @TeamId AND user_id = @UserId";

    private const string InsertNudge = """
        INSERT INTO nudges (team_id, id, user_id, rule, channel_id, message_ts, at, detail, observed)
        VALUES (@TeamId, @Id, @UserId, @Rule, @ChannelId, @MessageTs, @At, @Detail, @Observed)
        """;

    private static readonly Counter Decided = Metrics.CreateCounter("normbot_nudges_total", "Nudge decisions by rule and outcome.", "rule", "outcome");

    public async Task<NudgeOutcome> SendAsync(Nudge nudge, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await outbox.FirstTimeAsync(connection, tx, nudge.TeamId, nudge.EffectKey))
        {
            return Count(nudge, NudgeOutcome.AlreadyDone);
        }

        var outcome = NudgeOutcome.Sent;
        var snoozed = await connection.ExecuteScalarAsync<long?>(SnoozedUntil, new { nudge.TeamId, nudge.UserId }, tx);
        if (snoozed > now.ToUnixTimeMilliseconds())
        {
            outcome = NudgeOutcome.Snoozed;
        }
        else if (nudge.DailyLimit > 0 && await connection.ExecuteScalarAsync<long>(
                     CountToday, new { nudge.TeamId, nudge.UserId, Since = (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds(), Observed = nudge.Observe ? 1 : 0 }, tx) >= nudge.DailyLimit)
        {
            outcome = NudgeOutcome.OverLimit;
        }
        else
        {
            await connection.ExecuteAsync(InsertNudge, new
            {
                nudge.TeamId, Id = Guid.CreateVersion7(now).ToString("N"), nudge.UserId, nudge.Rule, nudge.ChannelId, nudge.MessageTs,
                At = now.ToUnixTimeMilliseconds(), nudge.Detail, Observed = nudge.Observe ? 1 : 0,
            }, tx);
            await ChannelDays.AddNudgeAsync(connection, tx, nudge.TeamId, nudge.ChannelId, now.ToUnixTimeMilliseconds(), nudge.Rule, nudge.Observe);
            if (nudge.Observe)
            {
                await tx.CommitAsync(ct);
                return Count(nudge, NudgeOutcome.Observed);
            }

            // Posts keep their effect key as a receipt, so an answered ask can find and update its reminders later.
            var message = nudge.Message.Method == OutboxMessage.PostMessageMethod ? nudge.Message with { Receipt = nudge.EffectKey } : nudge.Message;
            if (!await outbox.AddAsync(connection, tx, nudge.TeamId, message, nudge.NotBefore))
            {
                Log.OutboxFull(logger, nudge.Rule);
                return Count(nudge, NudgeOutcome.OutboxFull);
            }
        }

        // The effect is recorded whatever the outcome, so a snoozed or capped nudge is not retried later.
        await tx.CommitAsync(ct);
        if (outcome == NudgeOutcome.Sent)
        {
            outbox.Signal();
        }

        return Count(nudge, outcome);
    }

    private static NudgeOutcome Count(Nudge nudge, NudgeOutcome outcome)
    {
        Decided.WithLabels(nudge.Rule, outcome.ToString()).Inc();
        return outcome;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Outbox is full; {Rule} nudge dropped")]
        public static partial void OutboxFull(ILogger logger, string rule);
    }
}

/// <summary>What happened to a nudge decision.</summary>
public enum NudgeOutcome
{
    Sent,
    AlreadyDone,
    Snoozed,
    OverLimit,
    OutboxFull,

    /// <summary>Recorded as "would have nudged" in a channel in observe mode; nothing was sent.</summary>
    Observed,
}
