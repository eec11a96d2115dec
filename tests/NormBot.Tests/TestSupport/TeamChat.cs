using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Digests;
using NormBot.Slack;
using Quartz;

namespace NormBot.Tests.TestSupport;

/// <summary>A small team in the emulator and helpers to speak as them over signed HTTP, at the fake clock's time.</summary>
public sealed class TeamChat(EmulatedSlackApp env)
{
    public const string General = "C0GENERAL";
    public const string Incidents = "C0INCIDNT";
    public const string Ana = "U0ANA";
    public const string Bob = "U0BOB";
    public const string Lead = "U0LEAD";

    private readonly HttpClient _client = env.CreateClient();

    public static void Seed(EmulatedSlackApp env, string bobZone = "UTC")
    {
        var bot = env.Slack.BotUserId;
        env.Slack.Workspace.AddUser(Ana, "ana", "UTC");
        env.Slack.Workspace.AddUser(Bob, "bob", bobZone);
        env.Slack.Workspace.AddUser(Lead, "lead", "UTC");
        env.Slack.Workspace.AddChannel(General, "general", bot, Ana, Bob, Lead);
        env.Slack.Workspace.AddChannel(Incidents, "incidents", bot, Ana, Bob, Lead);
    }

    /// <summary>Posts a message as <paramref name="user"/> now; returns its ts.</summary>
    public async Task<string> SayAsync(string user, string text, string channel = General, string? threadTs = null, string? eventId = null)
    {
        // The emulator keeps the message too, as Slack would (permalinks, conversations.replies).
        var ts = env.Slack.Workspace.AddMessage(channel, user, text, threadTs);
        await SendEventAsync(SlackPayloads.Message(channel, user, text, ts, threadTs, eventId));
        return ts;
    }

    public async Task SendEventAsync(JsonObject body)
    {
        body["team_id"] = EmulatedSlackApp.TeamId;
        var response = await _client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), env.Time.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProcessedAsync();
    }

    /// <summary>Waits until the bot has processed everything it acknowledged (the ack comes before processing).</summary>
    public async Task ProcessedAsync()
    {
        await using var connection = env.App.Database();
        var writer = env.App.Services.GetRequiredService<NormBot.Slack.Inbox.InboxWriter>();
        // Journaled first: an acknowledged event may not be in the table yet, and moves from the journal to the table, never back.
        var drained = await Eventually.TrueAsync(() =>
            writer.Unstored == 0
            && Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM slack_inbox WHERE processed_at IS NULL") == 0);
        Assert.That(drained, Is.True, "the inbox did not drain");
    }

    /// <summary>Adds (or, with <paramref name="removed"/>, takes back) a reaction as <paramref name="user"/>.</summary>
    public Task ReactAsync(string user, string reaction, string channel, string ts, bool removed = false) =>
        SendEventAsync(SlackPayloads.Event("reaction_added.json", e =>
        {
            e["type"] = removed ? "reaction_removed" : "reaction_added";
            e["user"] = user;
            e["reaction"] = reaction;
            e["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts };
        }));

    /// <summary>Runs <c>/norms text</c> as <paramref name="user"/> over signed HTTP and returns the reply.</summary>
    public async Task<JsonObject> CommandAsync(string user, string text, string channel = General)
    {
        var fields = SlackPayloads.SlashCommand(text, user, channel, EmulatedSlackApp.TeamId);
        fields["user_name"] = env.Slack.Workspace.FindUser(user)?.Name ?? "someone";
        fields["channel_name"] = env.Slack.Workspace.FindChannel(channel)?.Name ?? "directmessage";
        var response = await _client.SendAsync(SignedRequests.Form("/slack/command", [.. fields], env.Time.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Presses a button as <paramref name="user"/>, the way Slack posts block_actions.</summary>
    public async Task PressAsync(string user, string actionId, string value, string channel, string messageTs, bool ephemeral, string? responseUrl = null)
    {
        var payload = SharedFiles.ReadJson("slack", "interactivity", "authored", "block_actions.message_button.json");
        payload["user"]!["id"] = user;
        payload["team"]!["id"] = EmulatedSlackApp.TeamId;
        payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = ephemeral };
        payload["channel"] = new JsonObject { ["id"] = channel, ["name"] = channel };
        payload["trigger_id"] = $"trigger-{Guid.NewGuid():N}";
        payload["response_url"] = responseUrl ?? env.Slack.CreateResponseUrl();
        payload["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["block_id"] = "b1", ["type"] = "button", ["value"] = value, ["action_ts"] = "1.1" });
        var response = await _client.SendAsync(SignedRequests.Form("/slack/action", [new("payload", payload.ToJsonString())], env.Time.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProcessedAsync();
    }

    /// <summary>
    /// Moves the fake clock in steps so the rule timers (5 s ticks) run along the way, letting the scheduler catch up
    /// after each: a step of 10 minutes makes the overdue scan's trigger late, and Quartz fires a late trigger from its
    /// misfire handler, which waits on this clock. Waiting here keeps that handler armed for the next step, so the last
    /// step cannot leave a scan stranded until a move of the clock that never comes.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromMinutes(10);
        var scheduler = await env.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var patience = Stopwatch.StartNew();
        for (var passed = TimeSpan.Zero; passed < by; passed += step)
        {
            env.Time.Advance(by - passed < step ? by - passed : step);
            await Task.Delay(5);
            while (patience.Elapsed < SchedulerPatience && await ScheduledWork.PendingAsync(scheduler, env.Time.GetUtcNow(), DateTimeOffset.MinValue))
            {
                await Task.Delay(10);
            }
        }

        await Task.Delay(300);
    }

    // A bound, not a wait: past it the steps go on as they did before the scheduler was waited for.
    private static readonly TimeSpan SchedulerPatience = TimeSpan.FromSeconds(5);
}
