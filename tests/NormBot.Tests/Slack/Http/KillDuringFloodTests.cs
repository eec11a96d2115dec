using System.Collections.Concurrent;
using System.Net;
using Dapper;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.Slack.Http;

/// <summary>
/// Durable before the ack, checked the hard way: a real NormBot process is killed with SIGKILL in the middle of a
/// flood, and every event Slack got a 200 for must be in the inbox, then processed by the next start.
/// </summary>
public sealed class KillDuringFloodTests
{
    private const int Connections = 64;
    private const int KillAfterAcks = 1_500;

    [Test]
    public async Task KillNine_DuringAFloodOfEvents_EveryAcknowledgedEventStoredAndProcessedAfterRestart()
    {
        await using var slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = EmulatedSlackApp.TeamId });
        await using var store = new NormBotFactory(databasePath: Path.Combine(Path.GetTempPath(), "normbot-tests", $"kill-{Guid.NewGuid():N}.db"));
        var environment = store.StoreEnvironment();
        environment["Slack__BotToken"] = slack.BotToken;
        environment["Slack__SigningSecret"] = NormBotFactory.SigningSecret;
        environment["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.ToString();

        // The killed process's claims on the events it was handling must expire before the restart may take them over.
        environment["Storage__Lease"] = "00:00:05";

        var acknowledged = new ConcurrentBag<string>();
        var refused = 0;
        using (var bot = await NormBotProcess.StartAsync(environment, NormBotProcess.FreePort()))
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = bot.BaseAddress };
            var next = 0;
            var senders = Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    var i = Interlocked.Increment(ref next);
                    var id = $"EvKILL{i:D7}";
                    var body = SlackPayloads.Message($"C0KILL{i % 8}", "U0456ALICE", $"Can someone check deploy {i} before noon?", $"1700000000.{i:D6}", eventId: id);
                    body["team_id"] = EmulatedSlackApp.TeamId;
                    try
                    {
                        using var response = await client.SendAsync(SignedRequests.Json("slack/event", body.ToJsonString(), TimeProvider.System.GetUtcNow()));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref refused);
                        return; // the process is gone
                    }
                }
            })).ToList();

            Assert.That(await Eventually.TrueAsync(() => acknowledged.Count >= KillAfterAcks, TimeSpan.FromSeconds(60)), Is.True, $"only {acknowledged.Count} acks: {bot.Output}");
            bot.Kill();
            await Task.WhenAll(senders);
        }

        Assert.That(refused, Is.EqualTo(Connections), "every sender was still sending when the process died");
        await using (var connection = store.Database())
        {
            var stored = (await connection.QueryAsync<string>("SELECT envelope_id FROM slack_inbox")).ToHashSet();
            Assert.That(acknowledged.Where(id => !stored.Contains(id)), Is.Empty, $"acknowledged but not stored, of {acknowledged.Count} acknowledged");
        }

        using (await NormBotProcess.StartAsync(environment, NormBotProcess.FreePort()))
        {
            await using var connection = store.Database();
            const string Unprocessed = "SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL";
            Assert.That(await Eventually.TrueAsync(() => connection.ExecuteScalar<long>(Unprocessed) == 0, TimeSpan.FromSeconds(60)), Is.True,
                $"{connection.ExecuteScalar<long>(Unprocessed)} events left unprocessed after the restart");
        }
    }
}
