using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Storage;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Storage;

public sealed class RetentionServiceTests
{
    [Test]
    public async Task Purge_OldResolvedAndDeliveryRows_DeletedWhileOpenAsksAndRecentRowsStay()
    {
        await using var app = new NormBotFactory(new Dictionary<string, string?> { ["Storage:RetentionDays"] = "30" });
        _ = app.Server;

        // The hourly job also runs at start; pause the scheduler so this test's call is the only purge.
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        var now = app.Time.GetUtcNow();
        var old = (now - TimeSpan.FromDays(31)).ToUnixTimeMilliseconds();
        var recent = (now - TimeSpan.FromDays(2)).ToUnixTimeMilliseconds();
        var hoursAgo = (now - TimeSpan.FromHours(3)).ToUnixTimeMilliseconds();
        // One transaction: the start-up run may already have been executing when the scheduler paused, and the test's
        // connection does not queue behind it. Seeded row by row, that run could delete the old answered ask between its
        // insert and its assignee's, leaving an orphan the purge below never matches (this failed once in CI).
        await using (var seed = app.Database())
        {
            await seed.OpenAsync();
            await using var tx = await seed.BeginTransactionAsync();
            await seed.ExecuteAsync("""
                INSERT INTO asks (team_id, channel_id, ts, asker_id, excerpt, state, opened_at) VALUES
                  ('T1', 'C1', '1.1', 'U1', 'old answered', 'answered', @Old),
                  ('T1', 'C1', '1.2', 'U1', 'old but open', 'open', @Old),
                  ('T1', 'C1', '1.3', 'U1', 'recent answered', 'answered', @Recent);
                INSERT INTO ask_assignees (team_id, channel_id, ts, user_id, due_at, escalate_at, open) VALUES
                  ('T1', 'C1', '1.1', 'U2', @Old, @Old, 0), ('T1', 'C1', '1.2', 'U2', @Old, @Old, 1);
                INSERT INTO nudges (team_id, id, user_id, rule, channel_id, message_ts, at) VALUES
                  ('T1', 'n-old', 'U1', 'context', 'C1', '1.1', @Old), ('T1', 'n-new', 'U1', 'context', 'C1', '1.3', @Recent);
                INSERT INTO slack_inbox (team_id, envelope_id, kind, body, received_at, processed_at) VALUES
                  ('T1', 'Ev-done-long-ago', 'event', '{"text":"message body"}', @Recent, @Recent),
                  ('T1', 'Ev-done-just-now', 'event', '{}', @HoursAgo, @HoursAgo),
                  ('T1', 'Ev-not-processed', 'event', '{}', @Recent, NULL);
                """, new { Old = old, Recent = recent, HoursAgo = hoursAgo }, tx);
            await tx.CommitAsync();
        }

        await app.Services.GetRequiredService<RetentionService>().PurgeAsync(CancellationToken.None);

        await using var check = app.Database();
        Assert.That(await check.QueryAsync<string>("SELECT excerpt FROM asks ORDER BY ts"), Is.EqualTo(new[] { "old but open", "recent answered" }));
        Assert.That(await check.QueryAsync<string>("SELECT ts FROM ask_assignees"), Is.EqualTo(new[] { "1.2" }));
        Assert.That(await check.QueryAsync<string>("SELECT id FROM nudges"), Is.EqualTo(new[] { "n-new" }));
        Assert.That(await check.QueryAsync<string>("SELECT envelope_id FROM slack_inbox ORDER BY envelope_id"), Is.EqualTo(new[] { "Ev-done-just-now", "Ev-not-processed" }));
    }
}
