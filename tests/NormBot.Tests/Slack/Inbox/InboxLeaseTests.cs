using Dapper;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Inbox;

/// <summary>
/// PRODUCT §15: a stored event is handled by the process that holds its lease; a lease left by a process that died is
/// taken over once it expires, and not before.
/// </summary>
public sealed class InboxLeaseTests
{
    private const string Insert = """
        INSERT INTO slack_inbox (team_id, envelope_id, kind, body, received_at, lease_owner, lease_until)
        VALUES (@Team, @Id, 'event', @Body, @ReceivedAt, @Owner, @Until)
        """;

    [Test]
    public async Task Start_RowsLeftByADeadReplica_UnleasedHandledAtOnce_LeasedOnlyAfterTheLeaseExpires()
    {
        var path = Path.Combine(Path.GetTempPath(), "normbot-tests", $"lease-{Guid.NewGuid():N}.db");
        var time = new TestClock(DateTimeOffset.UtcNow);
        await using (var schema = new NormBotFactory(databasePath: path, time: time))
        {
            await schema.MigrateAsync();
            await using var connection = schema.Database();
            var now = time.GetUtcNow();

            // A replica died holding a claim on one event (2 minutes left); another it had stored but not claimed yet.
            await connection.ExecuteAsync(Insert, new
            {
                Team = EmulatedSlackApp.TeamId, Id = "EvLEASED001", Body = InboxRetryTests.HomeOpened("U0LEASED01", "EvLEASED001"),
                ReceivedAt = now.AddMinutes(-1).ToUnixTimeMilliseconds(), Owner = "dead-host/4242/0badc0de", Until = now.AddMinutes(2).ToUnixTimeMilliseconds(),
            });
            await connection.ExecuteAsync(Insert, new
            {
                Team = EmulatedSlackApp.TeamId, Id = "EvUNCLAIMED", Body = InboxRetryTests.HomeOpened("U0FREE0001", "EvUNCLAIMED"),
                ReceivedAt = now.AddMinutes(-1).AddSeconds(1).ToUnixTimeMilliseconds(), Owner = (string?)null, Until = (long?)null,
            });
        }

        await using var env = await EmulatedSlackApp.StartAsync(time: time, databasePath: path);
        env.Slack.Workspace.AddUser("U0LEASED01", "lee");
        env.Slack.Workspace.AddUser("U0FREE0001", "fay");

        // Start-up recovery takes the unclaimed row and passes over the leased one in the same read of the table, which
        // ends by marking the one it handled. (Not Settling: it would move the clock on while the leased row waits.)
        await env.Slack.WaitForCallAsync("views.publish", c => (string?)c.Args["user_id"] == "U0FREE0001");
        Assert.That(await Eventually.TrueAsync(async () => (await InboxRetryTests.RowAsync(env, "EvUNCLAIMED")).Processed), Is.True);
        Assert.That(Publishes(env, "U0LEASED01"), Is.Zero, "the dead replica's claim still holds");
        Assert.That(await InboxRetryTests.RowAsync(env, "EvLEASED001"), Is.EqualTo((0L, false, false, (string?)null)));

        time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.That(await Eventually.TrueAsync(() => Publishes(env, "U0LEASED01") == 1, TimeSpan.FromSeconds(15)), Is.True, "taken over after expiry");
        await env.App.SettledAsync();
        Assert.That(Publishes(env, "U0LEASED01"), Is.EqualTo(1));
        Assert.That(await InboxRetryTests.RowAsync(env, "EvLEASED001"), Is.EqualTo((1L, true, false, (string?)null)));
    }

    private static int Publishes(EmulatedSlackApp env, string user) =>
        env.Slack.Calls.Count(c => c.Method == "views.publish" && (string?)c.Args["user_id"] == user);
}
