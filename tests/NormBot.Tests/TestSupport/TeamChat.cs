using System.Net;
using System.Text.Json.Nodes;

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
    public Task ProcessedAsync() => env.App.InboxDrainedAsync();

    /// <summary>Runs <c>/norms text</c> as <paramref name="user"/> in <paramref name="channel"/>; returns the reply's text.</summary>
    public async Task<string> CommandAsync(string user, string text, string channel = General) =>
        (await CommandReplyAsync(user, text, channel))["text"]?.GetValue<string>() ?? "";

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
    public async Task<JsonObject> CommandReplyAsync(string user, string text, string channel = General)
    {
        var fields = SlackPayloads.SlashCommand(text, user, channel, EmulatedSlackApp.TeamId);
        fields["user_name"] = env.Slack.Workspace.FindUser(user)?.Name ?? "someone";
        fields["channel_name"] = env.Slack.Workspace.FindChannel(channel)?.Name ?? "directmessage";
        using var response = await _client.SendAsync(SignedRequests.Form("/slack/command", fields, env.Time.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        await ProcessedAsync();
        return reply;
    }

    /// <summary>Presses a button as <paramref name="user"/>, the way Slack posts block_actions.</summary>
    public async Task PressAsync(string user, string actionId, string value, string channel, string messageTs, bool ephemeral, string? responseUrl = null)
    {
        var payload = Fixtures.ReadJson("interactivity", "block_actions.message_button.json");
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

    /// <summary>Opens the App Home as <paramref name="user"/> and returns the view the bot published for them.</summary>
    public async Task<JsonObject> OpenHomeAsync(string user)
    {
        await SendEventAsync(SlackPayloads.Event("app_home_opened.json", e =>
        {
            e["user"] = user;
            e["channel"] = "D" + user;
        }));
        return LastHomeView(user);
    }

    /// <summary>The Home view last published for <paramref name="user"/> (the handler publishes before the event counts as processed).</summary>
    public JsonObject LastHomeView(string user)
    {
        var call = env.Slack.Calls.LastOrDefault(c => c.Method == "views.publish" && c.Args["user_id"]?.GetValue<string>() == user);
        Assert.That(call, Is.Not.Null, "no Home view was published for " + user);
        return call!.Args["view"]!.AsObject();
    }

    /// <summary>Presses a button of the Home tab as <paramref name="user"/>: a block_actions payload whose container is the view.</summary>
    public async Task PressInHomeAsync(string user, string actionId, string value, string viewId = "V0HOME")
    {
        var payload = Fixtures.ReadJson("interactivity", "block_actions.message_button.json");
        payload["user"]!["id"] = user;
        payload["team"]!["id"] = EmulatedSlackApp.TeamId;
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = viewId };
        payload.Remove("channel");
        payload.Remove("message");
        payload.Remove("response_url");
        payload["view"] = new JsonObject { ["id"] = viewId, ["type"] = "home" };
        payload["trigger_id"] = $"trigger-{Guid.NewGuid():N}";
        payload["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["block_id"] = "b1", ["type"] = "button", ["value"] = value, ["action_ts"] = "1.1" });
        var response = await _client.SendAsync(SignedRequests.Form("/slack/action", [new("payload", payload.ToJsonString())], env.Time.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProcessedAsync();
    }

    /// <summary>
    /// Moves the fake clock in steps so the rule timers (5 s ticks) run along the way, and after each step waits until
    /// the bot has done what the clock brought due (<see cref="Settling"/>): a step of 10 minutes makes the overdue
    /// scan's trigger late, and Quartz fires a late trigger from its misfire handler, which waits on this clock.
    /// Waiting here keeps that handler armed for the next step, so the last step cannot leave a scan stranded until a
    /// move of the clock that never comes.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromMinutes(10);
        for (var passed = TimeSpan.Zero; passed < by; passed += step)
        {
            env.Time.Advance(by - passed < step ? by - passed : step);
            await env.App.TrySettleAsync(StepPatience);
        }

        await env.App.SettledAsync();
    }

    /// <summary>
    /// Moves the fake clock in small steps until <paramref name="done"/> holds, so that waits on it (retry backoffs, the
    /// outbox's not-before, the rate pacer) elapse as they would in real time; fails the test with Slack's calls if not.
    /// </summary>
    public async Task PumpUntilAsync(Func<bool> done, TimeSpan? step = null, int maxSteps = 20_000)
    {
        for (var i = 0; i < maxSteps && !done(); i++)
        {
            env.Time.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.That(done(), Is.True, string.Join('\n', env.Slack.Calls.TakeLast(20)));
    }

    // A bound, not a wait: past it the steps go on; the last step must settle.
    private static readonly TimeSpan StepPatience = TimeSpan.FromSeconds(5);
}
