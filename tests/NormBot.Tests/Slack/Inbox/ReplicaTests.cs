using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Dapper;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.Slack.Inbox;

/// <summary>
/// PRODUCT §15, the hard way: two NormBot processes on one store (a SQLite file; PostgreSQL in CI's PostgreSQL pass),
/// a flood of asks and greetings spread over both over HTTP, one process SIGKILLed in the middle. What Slack was not
/// answered for it sends again, to the other one, as Slack retries. Every event must have its effect exactly once: an
/// ask recorded per ask; one context nudge per greeting, on Slack and in the database; and a digest scheduled every
/// 15 s is posted once per firing. Greetings are one event in <see cref="GreetEvery"/>: their nudges go out at Slack's
/// Tier 4 pace (about 100 a minute), which would otherwise be the test's whole duration. NORMBOT_REPLICA_EVENTS sets
/// the flood's size (3,000 by default).
/// </summary>
[NonParallelizable]
public sealed class ReplicaTests
{
    private const int Connections = 32;
    private const int Channels = 8;
    private const int GreetEvery = 60;
    private const string Lead = "U0LEAD0001";
    private static readonly string[] DigestChannels = ["C0DIGEST01", "C0DIGEST02"];
    private static readonly TimeSpan DigestEvery = TimeSpan.FromSeconds(15);

    [Test]
    public async Task TwoReplicas_OneKilledMidFlood_EveryEventNudgesOnce_EveryDigestPostedOnce()
    {
        var events = int.TryParse(Environment.GetEnvironmentVariable("NORMBOT_REPLICA_EVENTS"), CultureInfo.InvariantCulture, out var n) ? n : 3_000;
        await using var slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = EmulatedSlackApp.TeamId });
        // Asks come from one person per channel, greetings each from someone new (a nudge each, within the daily limit):
        // every new person costs a users.info at Slack's Tier 4 pace, which would otherwise be the test's whole duration.
        var authors = Enumerable.Range(0, events).Select(i => i % GreetEvery == 0 ? $"U0G{i:D6}" : $"U0ASKER{i % Channels:D3}").ToList();
        slack.Workspace.AddUser(Lead, "lena", "UTC");
        foreach (var author in authors.Distinct())
        {
            slack.Workspace.AddUser(author, author.ToLowerInvariant(), "UTC");
        }

        for (var c = 0; c < Channels; c++)
        {
            slack.Workspace.AddChannel(Channel(c), $"replica-{c}", [slack.BotUserId, Lead, .. authors.Where((_, i) => i % Channels == c).Distinct()]);
        }

        foreach (var digest in DigestChannels)
        {
            slack.Workspace.AddChannel(digest, digest.ToLowerInvariant(), slack.BotUserId, Lead);
        }

        await using var store = new NormBotFactory(databasePath: Path.Combine(Path.GetTempPath(), "normbot-tests", $"replicas-{Guid.NewGuid():N}.db"));
        var environment = store.StoreEnvironment();
        environment["Slack__BotToken"] = slack.BotToken;
        environment["Slack__SigningSecret"] = NormBotFactory.SigningSecret;
        environment["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.ToString();
        environment["Storage__Lease"] = "00:00:05"; // the killed replica's claims expire within the test
        environment["Norms__Leaders__0"] = Lead;
        environment["Norms__Defaults__context-grace"] = "0s"; // a greeting's nudge is due at once
        environment["Logging__Console__FormatterName"] = "simple";

        using var first = await NormBotProcess.StartAsync(environment, NormBotProcess.FreePort());
        using var second = await NormBotProcess.StartAsync(environment, NormBotProcess.FreePort());
        using var toFirst = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = first.BaseAddress };
        using var toSecond = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = second.BaseAddress };

        // Scheduled through the replica that will die: the schedule lives in the shared store, so the other one keeps it.
        // Both well inside one 15 s interval, so each schedule's first firing is the next multiple of 15 s.
        while (TimeProvider.System.GetUtcNow().Second % 15 >= 12)
        {
            await Task.Delay(200);
        }

        var scheduledAt = TimeProvider.System.GetUtcNow();
        foreach (var digest in DigestChannels)
        {
            var command = SlackPayloads.SlashCommand($"digest <#{digest}|{digest.ToLowerInvariant()}> cron \"0/15 * * * * ?\"", Lead, digest, EmulatedSlackApp.TeamId);
            using var response = await toFirst.SendAsync(SignedRequests.Form("/slack/command", command, TimeProvider.System.GetUtcNow()));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Scheduled"), first.Output);
        }

        var acknowledged = new ConcurrentDictionary<int, bool>();
        var killAt = events / 2;
        var killed = 0;
        var next = -1;
        var senders = Enumerable.Range(0, 2 * Connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events)
            {
                // Alternate replicas; what the dead one did not answer goes to the living one, as Slack's retry would.
                var clients = i % 2 == 0 ? new[] { toFirst, toSecond } : [toSecond];
                foreach (var client in clients)
                {
                    if (await TrySendAsync(client, i, authors[i]))
                    {
                        acknowledged[i] = true;
                        break;
                    }
                }

                if (acknowledged.Count >= killAt && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    first.Kill();
                }
            }
        })).ToList();
        await Task.WhenAll(senders);
        Assert.That(killed, Is.EqualTo(1), "the first replica was killed mid-flood");
        Assert.That(acknowledged, Has.Count.EqualTo(events), "every event was acknowledged by one replica or the other");

        var greeters = authors.Where((_, i) => i % GreetEvery == 0).ToList();
        int Nudged(string user) => slack.Calls.Count(c => c.Method == "chat.postEphemeral" && (string?)c.Args["user"] == user && c.Response["ok"]?.GetValue<bool>() == true);
        var ephemerals = () => slack.Calls.Count(c => c.Method == "chat.postEphemeral" && c.Response["ok"]?.GetValue<bool>() == true);
        Assert.That(await Eventually.TrueAsync(() => greeters.All(g => Nudged(g) > 0), TimeSpan.FromSeconds(150)), Is.True,
            $"{ephemerals()} of {greeters.Count} nudges: {second.Output[^Math.Min(3000, second.Output.Length)..]}");

        // Two more firings of each digest after the flood, by the survivor; then the counts stand still.
        var digestsBefore = Digests(slack, DigestChannels[0]).Count;
        Assert.That(await Eventually.TrueAsync(() => DigestChannels.All(d => Digests(slack, d).Count >= digestsBefore + 2), TimeSpan.FromSeconds(60)), Is.True,
            $"the survivor kept the digests going: {string.Join(" | ", DigestChannels.Select(d => string.Join(", ", Digests(slack, d).Select(p => p.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))))}");
        await using (var database = store.Database())
        {
            Assert.That(await Eventually.TrueAsync(async () => await database.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL") == 0, TimeSpan.FromSeconds(30)), Is.True,
                string.Join("; ", await database.QueryAsync<string>("SELECT envelope_id || ' ' || attempts || ' ' || COALESCE(last_error, '-') || ' ' || COALESCE(lease_owner, '-') || ' ' || not_before || ' ' || COALESCE(dead_at, 0) FROM slack_inbox WHERE processed_at IS NULL LIMIT 10"))
                + string.Join("\n", second.Output.Split('\n').Where(l => l.Contains("Inbox", StringComparison.Ordinal) || l.Contains("inbox", StringComparison.Ordinal)).Take(20)));
            Assert.That(await Eventually.TrueAsync(async () => await database.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NULL") == 0, TimeSpan.FromSeconds(30)), Is.True);

            var nudgeRows = (await database.QueryAsync<(string User, long Count)>("SELECT user_id, COUNT(*) FROM nudges GROUP BY user_id")).ToDictionary(r => r.User, r => r.Count);
            Assert.That(greeters.Where(a => nudgeRows.GetValueOrDefault(a) != 1).Select(a => $"{a}: {nudgeRows.GetValueOrDefault(a)} rows, {Nudged(a)} on Slack"), Is.Empty, "one nudge row per greeting");
            Assert.That(nudgeRows.Keys.Except(greeters), Is.Empty, "no nudge for an ask");
            var asks = (await database.QueryAsync<string>("SELECT ts FROM asks WHERE channel_id LIKE 'C0REPL%'")).ToList();
            var askTs = Enumerable.Range(0, events).Where(i => i % GreetEvery != 0).Select(Ts).ToHashSet();
            Assert.That(asks, Is.Unique);
            Assert.That(askTs.Except(asks), Is.Empty, "an ask for every ask event");
            Assert.That(asks.Except(askTs), Is.Empty, "and for nothing else");
            Assert.That(await database.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ask_assignees WHERE user_id = @Lead", new { Lead }), Is.EqualTo(events - greeters.Count));
        }

        Assert.That(greeters.Where(a => Nudged(a) != 1), Is.Empty, $"one nudge on Slack per greeting; {ephemerals()} ephemerals in all");
        var repeated = slack.Calls.Where(c => c.Method == "chat.postEphemeral" && c.Response["ok"]?.GetValue<bool>() == true)
            .GroupBy(c => ((string?)c.Args["user"], (string?)c.Args["text"])).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(repeated, Is.Empty, "nobody got the same private message twice (the askers' expectation lines included)");
        foreach (var digest in DigestChannels)
        {
            // A firing freed from the killed replica comes late and its digest may take seconds to build under the flood,
            // so two posts can be close together; but the k-th post never comes before the k-th firing.
            var posts = Digests(slack, digest);
            var firings = Enumerable.Range(1, posts.Count).Select(k => Firing(scheduledAt, k)).ToList();
            var gaps = posts.Zip(posts.Skip(1), (a, b) => b - a).ToList();
            Assert.That(posts.Zip(firings).Where(p => p.First < p.Second), Is.Empty, $"{digest}: no firing posted twice ({string.Join(", ", posts.Select(p => p.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))})");
            Assert.That(gaps.Where(g => g > DigestEvery * 2.5), Is.Empty, $"{digest}: no firing lost ({string.Join(", ", posts.Select(p => p.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))})");
        }

        TestContext.Out.WriteLine($"{events} events ({greeters.Count} greetings), {ephemerals()} nudges, digests {string.Join(", ", DigestChannels.Select(d => Digests(slack, d).Count))}");
    }

    private static string Channel(int c) => $"C0REPL{c:D4}";

    // The k-th time "0/15 * * * * ?" fires after a schedule made at `from`: the k-th multiple of 15 s past it.
    private static DateTimeOffset Firing(DateTimeOffset from, int k)
    {
        var every = DigestEvery.Ticks;
        return new DateTimeOffset((from.UtcTicks / every + k) * every, TimeSpan.Zero);
    }

    // Recent (a message from days ago is not nudged about), and one per event.
    private static readonly long Started = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    private static string Ts(int i) => string.Create(CultureInfo.InvariantCulture, $"{Started}.{i:D6}");

    private static List<DateTimeOffset> Digests(Emulator slack, string channel) =>
        slack.Calls.Where(c => c.Method == "chat.postMessage" && (string?)c.Args["channel"] == channel && c.Response["ok"]?.GetValue<bool>() == true)
            .Select(c => c.At).Order().ToList();

    private static async Task<bool> TrySendAsync(HttpClient client, int i, string author)
    {
        var ts = Ts(i);
        var text = i % GreetEvery == 0 ? $"hi <@{Lead}>" : $"<@{Lead}> can you review the rollout plan {i} for the billing retry before Thursday? https://docs.example/rollout";
        var body = SlackPayloads.Message(Channel(i % Channels), author, text, ts, eventId: $"EvREPL{i:D7}");
        body["team_id"] = EmulatedSlackApp.TeamId;
        try
        {
            using var response = await client.SendAsync(SignedRequests.Json("slack/event", body.ToJsonString(), TimeProvider.System.GetUtcNow()));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // the process is gone
        }
    }
}
