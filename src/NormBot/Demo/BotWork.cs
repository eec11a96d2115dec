using System.Data.Common;
using Dapper;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Slack.Inbox;
using Quartz;

namespace NormBot.Demo;

/// <summary>
/// What the bot still has to do at an instant of its clock. The demo and the tests move an injected clock far faster
/// than real time; they wait on these facts, not on a guess of how long the work takes.
/// </summary>
public static class BotWork
{
    public const string ContextPass = "a context-grace pass";

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
        // A context pass starting in between deletes its row before it queues the nudge: Passes shows that.
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
            """
            SELECT (SELECT COUNT(*) FROM pending_context WHERE due_at <= @Now),
                   (SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NULL AND not_before <= @Now AND attempts = 0)
            """,
            new { Now = now.ToUnixTimeMilliseconds() });
        if (inbox + context + outbox > 0)
        {
            return $"{inbox} event(s) to handle, {context} context nudge(s) due, {outbox} message(s) to send";
        }

        return timers.Passes == passes ? null : ContextPass;
    }

    /// <summary>Acknowledged envelopes not yet processed (and marked so in the inbox table).</summary>
    public static async Task<long> InboxPendingAsync(IServiceProvider bot, DbConnection database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bot);

        // Journaled first: an event moves from the journal to the table, never back.
        var journaled = bot.GetRequiredService<InboxWriter>().Unstored;
        return journaled + await database.ExecuteScalarAsync<long>(
            new CommandDefinition("SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL", cancellationToken: ct));
    }
}
