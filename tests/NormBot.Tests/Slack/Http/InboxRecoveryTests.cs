using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Slack.Inbox;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

public sealed class InboxRecoveryTests
{
    [Test]
    public async Task Start_InboxRowsLeftUnprocessedByACrash_ProcessedOnceAtStart()
    {
        var path = Path.Combine(Path.GetTempPath(), "normbot-tests", $"crash-{Guid.NewGuid():N}.db");
        // The schema as a previous run left it, then a row it acknowledged but never processed (it died).
        var handler = new RecordingMessageHandler();
        await using var second = new NormBotFactory(databasePath: path, services: s => s.AddSingleton<IEventHandler<MessageEvent>>(handler));
        await second.MigrateAsync();
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "Who can approve the vendor contract renewal by Friday?", "1700000000.000700", eventId: "EvCRASHED001");
        await using (var connection = second.Database())
        {
            await connection.ExecuteAsync(
                "INSERT INTO slack_inbox (team_id, envelope_id, kind, body, received_at) VALUES ('T0123NORM', 'EvCRASHED001', 'event', @Body, 1)",
                new { Body = body.ToJsonString() });
        }

        _ = second.Server;

        await second.InboxDrainedAsync();
        Assert.That(handler.Received.Single().Event.Text, Is.EqualTo("Who can approve the vendor contract renewal by Friday?"));
        await using var check = second.Database();
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL"), Is.Zero);
    }
}
