using Dapper;
using Microsoft.Extensions.Time.Testing;
using NormBot.Norms.Preview;
using NormBot.Norms.Rules;
using NormBot.Slack;
using NormBot.Storage;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Preview;

/// <summary>
/// A channel's preview reads that channel's week on its own indexes (the key's ts range for message facts): it must be
/// exactly the workspace's week filtered to the channel, edges included, on the store the suite runs on.
/// </summary>
public sealed class PreviewStoreTests
{
    private const string Team = "T0PREVIEW";
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = Now.AddDays(-7);

    [Test]
    public async Task Load_OneChannel_IsTheWorkspaceWeekFilteredToIt_EdgesIncluded()
    {
        await using var app = new NormBotFactory(time: new FakeTimeProvider(Now));
        await app.MigrateAsync();
        using var db = app.StoreDb();
        var store = new PreviewStore(db);
        await SeedAsync(db, store);

        var all = await store.LoadAsync(Team, From, Now, null, CancellationToken.None);
        var busy = await store.LoadAsync(Team, From, Now, "C0BUSY", CancellationToken.None);

        Assert.That(all.Facts.Select(f => $"{f.ChannelId}/{f.Ts}"), Is.EquivalentTo(new[] { "C0BUSY/" + Ts(From), "C0BUSY/" + Ts(Now.AddHours(-1)), "C0QUIET/" + Ts(From.AddHours(2)) }));
        Assert.That(all.Asks.Select(a => a.Ts).Distinct(), Has.Exactly(2).Items, "the seed has asks in both channels");
        Assert.That(all.Facts.Select(f => f.LacksContextFrom), Has.All.Not.Null, "a message complete under every min-words is never nudged, so not read");
        Assert.That(all.Misroutes, Has.Count.EqualTo(2));
        Assert.That(busy.Facts.Select(f => f.Ts), Is.EquivalentTo(all.Facts.Where(f => f.ChannelId == "C0BUSY").Select(f => f.Ts)));
        Assert.That(busy.Facts.Single(f => f.Ts == Ts(Now.AddHours(-1))).FollowUpAt, Is.EqualTo(Now.AddMinutes(-50).ToUnixTimeMilliseconds()), "its author spoke again 10 minutes later");
        Assert.That(busy.Asks.Select(a => $"{a.Ts}/{a.UserId}"), Is.EquivalentTo(all.Asks.Where(a => a.ChannelId == "C0BUSY").Select(a => $"{a.Ts}/{a.UserId}")));
        Assert.That(busy.Misroutes.Select(m => m.At), Is.EquivalentTo(all.Misroutes.Where(m => m.ChannelId == "C0BUSY").Select(m => m.At)));
    }

    private static string Ts(DateTimeOffset at) => SlackTs.FromInstant(at);

    private static async Task SeedAsync(Db db, PreviewStore store)
    {
        // Facts as the rules record them: the first second of the week and one millisecond before it, two channels.
        async Task SayAsync(string channel, DateTimeOffset at, string? threadTs = null, string text = "hi") =>
            await store.RecordAsync(new SaidMessage(Team, channel, "U0ANA", Ts(at), threadTs, text, HasFiles: false), CancellationToken.None);
        await SayAsync("C0BUSY", From.AddMilliseconds(-1));
        await SayAsync("C0BUSY", From);
        await SayAsync("C0BUSY", Now.AddHours(-1));
        await SayAsync("C0BUSY", Now.AddMinutes(-50), threadTs: Ts(Now.AddHours(-1)));
        await SayAsync("C0QUIET", From.AddHours(2));
        await SayAsync("C0QUIET", From.AddHours(3), text: "The nightly export failed at 02:10 because the billing API timed out; I restarted it and it finished at 02:40.");

        await using var connection = await db.OpenAsync();
        foreach (var (channel, at) in new[] { ("C0BUSY", From.AddHours(1)), ("C0BUSY", From.AddHours(-1)), ("C0QUIET", Now.AddHours(-3)) })
        {
            var args = new { Team, Channel = channel, Ts = Ts(at), Opened = at.ToUnixTimeMilliseconds() };
            await connection.ExecuteAsync(
                """
                INSERT INTO asks (team_id, channel_id, ts, thread_ts, asker_id, excerpt, state, opened_at, first_reply_at, resolved_at, resolved_by)
                VALUES (@Team, @Channel, @Ts, NULL, 'U0BOB', 'could you look?', 'open', @Opened, NULL, NULL, NULL)
                """, args);
            await connection.ExecuteAsync(
                "INSERT INTO ask_assignees (team_id, channel_id, ts, user_id, due_at, escalate_at, open) VALUES (@Team, @Channel, @Ts, 'U0ANA', 0, 0, 1)", args);
            await connection.ExecuteAsync(
                """
                INSERT INTO nudges (team_id, id, user_id, rule, channel_id, message_ts, at, outcome, detail)
                VALUES (@Team, @Ts, 'U0BOB', 'misroute', @Channel, @Ts, @Opened, NULL, NULL)
                """, args);
        }
    }
}
