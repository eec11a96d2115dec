using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NormBot.Digests;
using NormBot.Storage;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Digests;

/// <summary>
/// The digest reads its asks in three index-backed parts (migration 0012): together they must be exactly the asks the
/// figures need, the rows one plain predicate over the whole table picks, on the store the suite runs on.
/// </summary>
public sealed class DigestDataStoreTests
{
    private const string Team = "T0DATA";
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = Now.AddDays(-7);
    private static readonly DateTimeOffset PreviousFrom = Now.AddDays(-14);

    // What the digest needs: not deleted, opened before To, and opened since PreviousFrom, still open, or resolved since.
    private const string Oracle = """
        SELECT channel_id || '/' || ts FROM asks
        WHERE team_id = @TeamId AND state <> 'deleted' AND opened_at < @To
          AND (opened_at >= @PreviousFrom OR state = 'open' OR resolved_at >= @PreviousFrom)
        """;

    [Test]
    public async Task Load_ReadsExactlyTheAsksOfBothPeriodsAndTheOpenOnes_WholeWorkspaceAndOneChannel()
    {
        // The store alone, on a migrated database: a running bot's scans and retention would change the seeded rows.
        await using var app = new NormBotFactory(time: new FakeTimeProvider(Now));
        await app.MigrateAsync();
        using var db = app.StoreDb();
        await SeedAsync(db);
        var store = new DigestDataStore(db);

        var all = await store.LoadAsync(Team, [], PreviousFrom, Now, CancellationToken.None);
        var busy = await store.LoadAsync(Team, ["C0BUSY"], PreviousFrom, Now, CancellationToken.None);

        var expected = await OracleAsync(db);
        Assert.That(expected, Has.Count.EqualTo(5), "the seed covers every case once");
        Assert.That(all.Asks.Select(a => $"{a.ChannelId}/{a.Ts}"), Is.EquivalentTo(expected));
        Assert.That(busy.Asks.Select(a => $"{a.ChannelId}/{a.Ts}"), Is.EquivalentTo(expected.Where(k => k.StartsWith("C0BUSY/", StringComparison.Ordinal))));
        Assert.That(all.Asks.Where(a => a.State == "open").Select(a => a.Excerpt), Has.All.StartWith("open"), "open asks keep the excerpt the digest quotes");
        Assert.That(all.Asks.Where(a => a.State != "open").Select(a => a.Excerpt), Has.All.Empty, "closed ones are only counted");
        Assert.That(all.Asks.Single(a => a.Ts == "1.000002").AssigneeId, Is.EqualTo("U0ANA"));
    }

    private static async Task<List<string>> OracleAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var args = new { TeamId = Team, PreviousFrom = PreviousFrom.ToUnixTimeMilliseconds(), To = Now.ToUnixTimeMilliseconds() };
        return (await connection.QueryAsync<string>(Oracle, args)).ToList();
    }

    private static async Task SeedAsync(Db db)
    {
        static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
        var old = Now.AddDays(-60);
        var rows = new[]
        {
            ("C0BUSY", "1.000001", "open", Ms(old), (long?)null),                                     // opened long ago, still open: in
            ("C0BUSY", "1.000002", "answered", Ms(From.AddHours(1)), (long?)Ms(From.AddHours(2))),   // opened in the period: in
            ("C0BUSY", "1.000003", "answered", Ms(PreviousFrom.AddHours(1)), Ms(From.AddHours(-1))), // opened in the previous period: in
            ("C0BUSY", "1.000004", "answered", Ms(old), Ms(PreviousFrom.AddHours(3))),               // old, answered since PreviousFrom: in
            ("C0BUSY", "1.000005", "answered", Ms(old), Ms(old.AddHours(1))),                        // history: out
            ("C0BUSY", "1.000006", "deleted", Ms(From.AddHours(1)), Ms(From.AddHours(2))),           // deleted: out
            ("C0QUIET", "1.000007", "open", Ms(From.AddHours(3)), null),                             // another channel: in for the workspace
            ("C0QUIET", "1.000008", "dismissed", Ms(old), Ms(old.AddDays(1))),                       // history: out
        };
        await using var connection = await db.OpenAsync();
        foreach (var (channel, ts, state, opened, resolved) in rows)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO asks (team_id, channel_id, ts, thread_ts, asker_id, excerpt, state, opened_at, first_reply_at, resolved_at, resolved_by)
                VALUES (@Team, @Channel, @Ts, NULL, 'U0BOB', @Excerpt, @State, @Opened, @Resolved, @Resolved, NULL)
                """,
                new { Team, Channel = channel, Ts = ts, Excerpt = $"{state} question {ts}", State = state, Opened = opened, Resolved = resolved });
        }

        await connection.ExecuteAsync(
            "INSERT INTO ask_assignees (team_id, channel_id, ts, user_id, due_at, escalate_at, open) VALUES (@Team, 'C0BUSY', '1.000002', 'U0ANA', 0, 0, 0)",
            new { Team });
    }
}
