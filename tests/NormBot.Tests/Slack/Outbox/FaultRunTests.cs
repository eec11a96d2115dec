using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NormBot.SlackEmulator;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Outbox;

/// <summary>
/// The fault run of issue 20: a flood of events while Slack fails about 20% of calls with 5xx and 5% with 429. Every
/// nudge must arrive once. NORMBOT_FAULT_RUN_EVENTS sets the flood's size (120 by default; docs/slack-faults.md has a
/// run of 2,000).
/// </summary>
public sealed class FaultRunTests : RulesTestBase
{
    private const string Rollout = "can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task Flood_With5xxAnd429_EveryNudgeAndReminderDeliveredOnce()
    {
        var events = int.TryParse(Environment.GetEnvironmentVariable("NORMBOT_FAULT_RUN_EVENTS"), CultureInfo.InvariantCulture, out var n) ? n : 120;
        var people = Enumerable.Range(1, events).Select(i => $"U0F{i:D5}").ToList();
        foreach (var person in people)
        {
            Env.Slack.Workspace.AddUser(person, person.ToLowerInvariant(), "UTC");
        }

        Env.Slack.Workspace.AddMembers(TeamChat.General, [.. people]);

        // 500/502/503 only: Slack answered without acting. A 504 may have landed, and is not resent by design.
        Env.Slack.InjectRandomly("*", EmulatedFault.ServerError(500), 0.07, seed: 1);
        Env.Slack.InjectRandomly("*", EmulatedFault.ServerError(502), 0.07, seed: 2);
        Env.Slack.InjectRandomly("*", EmulatedFault.ServerError(503), 0.07, seed: 3);
        Env.Slack.InjectRandomly("*", EmulatedFault.RateLimited(1), 0.063, seed: 4); // 5% of all calls, after the 5xx rolls

        // Three in four greet (a context nudge each); every fourth asks the next person something (an overdue reminder each).
        var greeted = people.Where((_, i) => i % 4 != 3).ToList();
        var asked = people.Where((_, i) => i % 4 == 3).Select(p => people[(people.IndexOf(p) + 1) % people.Count]).ToList();
        var clock = Stopwatch.StartNew();
        using var client = Env.CreateClient();
        await Parallel.ForEachAsync(people.Select((p, i) => (p, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            var (person, i) = item;
            var text = i % 4 == 3 ? $"<@{people[(i + 1) % people.Count]}> {Rollout}" : "hi <@U0BOB>";
            var ts = Env.Slack.Workspace.AddMessage(TeamChat.General, person, text);
            var body = SlackPayloads.Message(TeamChat.General, person, text, ts);
            body["team_id"] = EmulatedSlackApp.TeamId;
            using var response = await client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), Env.Time.GetUtcNow()), ct);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        var acknowledged = clock.Elapsed;

        // Processing an ask looks up the assignee (users.info), whose retries wait on the clock: keep it moving.
        // Every acknowledged event is in the inbox table already (stored before the ack).
        await Chat.PumpUntilAsync(() => UnprocessedAsync().GetAwaiter().GetResult() == 0, TimeSpan.FromMilliseconds(500));
        var processed = clock.Elapsed;

        await Chat.PumpUntilAsync(() => Delivered("chat.postEphemeral").Count >= greeted.Count, TimeSpan.FromSeconds(1));
        var nudged = clock.Elapsed;
        await Chat.AdvanceAsync(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(10));
        await Chat.PumpUntilAsync(() => Delivered("chat.postMessage").Count >= asked.Count, TimeSpan.FromSeconds(1));
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(30)); // anything sent twice would show by now

        var ephemeral = Delivered("chat.postEphemeral");
        var dms = Delivered("chat.postMessage");
        var calls = Env.Slack.Calls;
        var outbox = await OutboxSummaryAsync();
        var (retried, dead) = await RetriedAndDeadAsync();
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"events {events}: acked in {acknowledged.TotalSeconds:0.0}s, processed by {processed.TotalSeconds:0.0}s, nudges out by {nudged.TotalSeconds:0.0}s, total {clock.Elapsed.TotalSeconds:0.0}s; " +
            $"calls {calls.Count}: {calls.Count(c => c.StatusCode >= 500)} 5xx, {calls.Count(c => c.StatusCode == 429)} 429; " +
            $"nudges {ephemeral.Count}/{greeted.Count}, reminders {dms.Count}/{asked.Count}; outbox {outbox}, " +
            $"{Env.App.Logs.Lines.Count(l => l.Contains("not taken by Slack", StringComparison.Ordinal))} put back for later after the client's own retries; " +
            $"{Env.App.Logs.Lines.Count(l => l.Contains("users.info for", StringComparison.Ordinal))} time-zone lookups fell back to the protocol's zone; " +
            $"inbox: {retried} events processed again after a failed attempt, {dead} dead letters"));

        Assert.Multiple(() =>
        {
            Assert.That(calls.Count(c => c.StatusCode >= 500), Is.GreaterThan(0), "the faults did happen");
            Assert.That(ephemeral.Select(c => Arg(c, "user")), Is.EquivalentTo(greeted), "every context nudge, once");
            Assert.That(dms.Select(c => Arg(c, "channel")), Is.EquivalentTo(asked), "every overdue reminder, once");
        });
        Assert.That(await OutboxSummaryAsync(), Is.EqualTo($"{greeted.Count + asked.Count} sent, 0 failed, 0 waiting"));
        Assert.That(await UnprocessedAsync(), Is.Zero);
        Assert.That(dead, Is.Zero, "nothing dead-lettered that a retry would have saved");
    }

    private async Task<(long Retried, long Dead)> RetriedAndDeadAsync()
    {
        await using var connection = Env.App.Database();
        return (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox WHERE attempts > 1"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox WHERE dead_at IS NOT NULL"));
    }

    private List<NormBot.SlackEmulator.RecordedCall> Delivered(string method) =>
        [.. Calls(method, c => c.StatusCode == 200 && (bool?)c.Response["ok"] == true)];

    private async Task<string> OutboxSummaryAsync()
    {
        await using var connection = Env.App.Database();
        var sent = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NOT NULL AND last_error IS NULL");
        var failed = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NOT NULL AND last_error IS NOT NULL");
        var waiting = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_outbox WHERE sent_at IS NULL");
        return string.Create(CultureInfo.InvariantCulture, $"{sent} sent, {failed} failed, {waiting} waiting");
    }

    private async Task<long> UnprocessedAsync()
    {
        await using var connection = Env.App.Database();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL OR last_error IS NOT NULL");
    }
}
