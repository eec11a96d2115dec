using System.Data.Common;
using Dapper;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Slack.Inbox;
using NormBot.Slack.Installations;
using NormBot.Slack.Outbox;
using Quartz;

namespace NormBot.Demo;

/// <summary>
/// What the bot still has to do at an instant of its clock. The demo and the tests move an injected clock far faster
/// than real time; they wait on these facts, not on a guess of how long the work takes.
/// </summary>
public static class BotWork
{
    public const string ContextPass = "a context-grace pass";

    // Messages the sender would send now and has not tried yet (one it is retrying waits on the clock, not on this).
    private const string PendingWork = $"""
        SELECT (SELECT COUNT(*) FROM pending_context WHERE due_at <= @Now),
               (SELECT COUNT(*) FROM slack_outbox o WHERE o.attempts = 0 AND {OutboxSender.DueWhere})
        """;

    /// <summary>
    /// What is still to do at <paramref name="now"/>, or null when nothing is: envelopes to process, a context pass
    /// running, Quartz work the clock has reached, context nudges due, messages due to send.
    /// </summary>
    /// <param name="database">A connection to the bot's database (opened here if it is not).</param>
    /// <param name="dueSince">Quartz triggers due before this are not counted (the demo leaves misfired ones to Quartz).</param>
    public static async Task<string?> PendingAsync(IServiceProvider bot, DbConnection database, DateTimeOffset now, DateTimeOffset dueSince, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var timers = bot.GetServices<IHostedService>().OfType<RuleTimers>().Single();
        var scheduler = await bot.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);

        // Producers first, queues second: a scan that ends between the two has already queued what it sends.
        // A context pass that starts in between is seen by Passes.
        var passes = timers.Passes;
        if (timers.Scanning)
        {
            return ContextPass;
        }

        if (await ScheduledWork.FirstPendingAsync(scheduler, now, dueSince, ct) is { } trigger)
        {
            return "Quartz trigger " + trigger;
        }

        var inbox = await InboxPendingAsync(bot, database, ct);
        var (context, outbox) = await database.QuerySingleAsync<(long, long)>(
            PendingWork,
            new { Now = now.ToUnixTimeMilliseconds(), PausedConfigured = OutboxSender.PausedConfigured(bot.GetRequiredService<InstallationDirectory>()) });
        if (inbox + context + outbox > 0)
        {
            return $"{inbox} event(s) to handle, {context} context nudge(s) due, {outbox} message(s) to send";
        }

        return timers.Passes == passes ? null : ContextPass;
    }

    /// <summary>
    /// Acknowledged envelopes not yet processed (and marked so in the inbox table). As with the outbox, one being retried
    /// waits on the clock, not on this, and a dead letter waits for an operator.
    /// </summary>
    public static async Task<long> InboxPendingAsync(IServiceProvider bot, DbConnection database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bot);

        return await database.ExecuteScalarAsync<long>(
            new CommandDefinition("SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL AND dead_at IS NULL AND not_before = 0", cancellationToken: ct));
    }
}
