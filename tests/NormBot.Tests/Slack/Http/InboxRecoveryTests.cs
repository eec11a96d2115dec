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

    [Test]
    public async Task Start_EventsAcknowledgedIntoTheJournalByARunThatDied_StoredAndProcessedOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), "normbot-tests", $"crash-{Guid.NewGuid():N}.db");
        var handler = new RecordingMessageHandler();
        await using var app = new NormBotFactory(databasePath: path, services: s => s.AddSingleton<IEventHandler<MessageEvent>>(handler));
        if (app.OnPostgres)
        {
            Assert.Ignore("the journal is SQLite's: on PostgreSQL events are committed before the ack");
        }

        await app.MigrateAsync();
        var stored = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "Decision: we ship Friday", "1700000000.000800", eventId: "EvSTORED0001");
        var journaledOnly = SlackPayloads.Message("C0123GENRL", "U0789BOB", "Who can approve the vendor contract renewal by Friday?", "1700000000.000900", eventId: "EvJOURNAL001");
        var receivedAt = app.Time.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds();
        await using (var connection = app.Database())
        {
            // The run had stored and processed the first event before it died; the second it had only acknowledged.
            await connection.ExecuteAsync(
                "INSERT INTO slack_inbox (team_id, envelope_id, kind, body, received_at, processed_at) VALUES ('T0123NORM', 'EvSTORED0001', 'event', @Body, @At, @At)",
                new { Body = stored.ToJsonString(), At = receivedAt });
        }

        var journal = InboxJournal.Open(path + "-inbox");
        var segment = journal.Append(Envelope("EvSTORED0001", stored, receivedAt))!;
        journal.Append(Envelope("EvJOURNAL001", journaledOnly, receivedAt));
        segment.Abandon();

        _ = app.Server;

        await app.InboxDrainedAsync();
        Assert.That(handler.Received.Select(r => r.Event.Text), Is.EqualTo(new[] { "Who can approve the vendor contract renewal by Friday?" }));
        await using var check = app.Database();
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox"), Is.EqualTo(2));
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL"), Is.Zero);
        Assert.That(Directory.GetFiles(path + "-inbox").Select(Path.GetFileName), Has.None.EqualTo(Path.GetFileName(segment.Path)), "the recovered segment is deleted");
    }

    private static InboxEnvelope Envelope(string eventId, System.Text.Json.Nodes.JsonObject body, long receivedAt) =>
        new("T0123NORM", eventId, InboxEnvelope.Event, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), receivedAt);
}
