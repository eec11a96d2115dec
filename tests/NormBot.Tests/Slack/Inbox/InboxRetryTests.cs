using System.Net;
using Dapper;
using NormBot.Slack.Inbox;
using NormBot.SlackEmulator;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Inbox;

/// <summary>
/// PRODUCT §12, "failures are retried, then kept": an event whose handling meets a transient Slack failure is tried
/// again later; one that keeps failing becomes a dead letter, on /metrics and in `normbot inbox list`, until
/// `normbot inbox replay` puts it back. Driven by App Home opens: each one is a views.publish the emulator records.
/// </summary>
public sealed class InboxRetryTests
{
    private const string Mo = "U0MEMBER01";

    [Test]
    public async Task AppHomeOpened_ViewsPublishAnswers5xxPastTheClientsRetries_EventRetriedAndHomePublishedOnce()
    {
        await using var env = await EmulatedSlackApp.StartAsync();
        env.Slack.Workspace.AddUser(Mo, "mo");

        // One more 503 than the client's own quick retries: the first attempt at the event fails.
        env.Slack.Inject("views.publish", EmulatedFault.ServerError(503), times: 1 + NormBot.Slack.Api.SlackResilience.TransientRetries);
        await OpenHomeAsync(env, Mo, "EvHOME5XX01");

        Assert.That(
            await Eventually.TrueAdvancingAsync(env.Time, () => TimeSpan.FromSeconds(1), () => Published(env, Mo) > 0, TimeSpan.FromSeconds(30)),
            Is.True, "the event was tried again after its backoff and the Home tab published");
        await env.App.SettledAsync();

        Assert.That(Published(env, Mo), Is.EqualTo(1), "published once");
        Assert.That(env.Slack.Calls.Count(c => c.Method == "views.publish" && c.StatusCode != 200), Is.EqualTo(4), "the failures were Slack's");
        // A row being retried is not what settling waits for (it waits on the clock): its mark comes just after the publish.
        Assert.That(await Eventually.TrueAsync(async () => (await RowAsync(env, "EvHOME5XX01")).Processed), Is.True, "marked processed");
        var row = await RowAsync(env, "EvHOME5XX01");
        Assert.That((row.Attempts, row.Processed, row.Dead), Is.EqualTo((2L, true, false)));
        Assert.That(env.App.Logs.Lines, Has.Some.Contains("EvHOME5XX01").And.Contain("trying again"));
    }

    [Test]
    public async Task AppHomeOpened_PermanentSlackError_NotRetried()
    {
        await using var env = await EmulatedSlackApp.StartAsync();
        env.Slack.Workspace.AddUser(Mo, "mo");
        env.Slack.Inject("views.publish", EmulatedFault.Error("user_not_found"), times: 2);
        await OpenHomeAsync(env, Mo, "EvHOMEGONE1");

        await env.App.InboxDrainedAsync();
        var row = await RowAsync(env, "EvHOMEGONE1");
        Assert.That((row.Attempts, row.Processed, row.Dead, row.LastError), Is.EqualTo((1L, true, false, "slack views.publish: user_not_found")));

        // Well past every backoff: nothing comes back for it.
        env.Time.Advance(TimeSpan.FromMinutes(30));
        await OpenHomeAsync(env, "U0OTHER001", "EvHOMEOTHER"); // a later event, handled after any sweep of the first
        await env.App.SettledAsync();
        Assert.That(env.Slack.Calls.Count(c => c.Method == "views.publish" && (string?)c.Args["user_id"] == Mo), Is.EqualTo(1), "tried once");
    }

    [Test]
    public async Task AppHomeOpened_FailsEveryAttempt_DeadLetterCountedListedAndReplayedOnceByTheCliVerb()
    {
        await using var env = await EmulatedSlackApp.StartAsync(settings: new Dictionary<string, string?> { ["Storage:InboxMaxAttempts"] = "2" });
        env.Slack.Workspace.AddUser(Mo, "mo");
        env.Slack.Inject("views.publish", EmulatedFault.Error("service_unavailable"), times: 2);
        await OpenHomeAsync(env, Mo, "EvHOMEDEAD1");

        Assert.That(
            await Eventually.TrueAdvancingAsync(env.Time, () => TimeSpan.FromSeconds(5), () => RowAsync(env, "EvHOMEDEAD1").GetAwaiter().GetResult().Dead, TimeSpan.FromSeconds(30)),
            Is.True, "dead after its two attempts");
        Assert.That(env.Slack.PendingFaults("views.publish"), Is.Zero, "both attempts reached Slack");
        Assert.That(Published(env, Mo), Is.Zero);

        using var client = env.CreateClient();
        Assert.That(
            await Eventually.TrueAsync(async () => (await client.GetStringAsync("/metrics")).Contains("\nnormbot_inbox_dead_letters 1\n", StringComparison.Ordinal)),
            Is.True, "counted on /metrics");

        // Retention keeps it, however old.
        env.Time.Advance(TimeSpan.FromDays(40));
        await env.App.Services.GetRequiredService<NormBot.Storage.RetentionService>().PurgeAsync(CancellationToken.None);

        var (code, output, _) = await CliAsync(env, "list");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("EvHOMEDEAD1").And.Contain("event").And.Contain("slack views.publish: service_unavailable").And.Contain("1 dead letter."));

        (code, output, _) = await CliAsync(env, "replay", "EvHOMEDEAD1");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("1 dead letter put back"));

        Assert.That(await Eventually.TrueAsync(() => Published(env, Mo) == 1, TimeSpan.FromSeconds(20)), Is.True, "the running bot processed the replayed event");
        await env.App.SettledAsync();
        Assert.That(Published(env, Mo), Is.EqualTo(1), "once");
        var row = await RowAsync(env, "EvHOMEDEAD1");
        Assert.That((row.Processed, row.Dead), Is.EqualTo((true, false)));
        (code, output, _) = await CliAsync(env, "list");
        Assert.That(output, Does.Contain("0 dead letters."));
    }

    [Test]
    public async Task InboxCli_UnknownIdOrBadArguments_SaysSoWithAnExitCode()
    {
        await using var env = await EmulatedSlackApp.StartAsync();
        var (code, _, error) = await CliAsync(env, "replay", "EvNOSUCH001");
        Assert.That((code, error), Is.EqualTo((1, "normbot inbox: no dead letter with id EvNOSUCH001 (see normbot inbox list).\n")));
        (code, _, error) = await CliAsync(env, "replay");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(InboxCommand.Usage));
    }

    private static int Published(EmulatedSlackApp env, string user) =>
        env.Slack.Calls.Count(c => c.Method == "views.publish" && c.StatusCode == 200 && (string?)c.Args["user_id"] == user && c.Response["ok"]?.GetValue<bool>() == true);

    private static async Task OpenHomeAsync(EmulatedSlackApp env, string user, string eventId)
    {
        using var client = env.CreateClient();
        using var response = await client.SendAsync(SignedRequests.Json("/slack/event", HomeOpened(user, eventId), env.Time.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>A signed-ready app_home_opened envelope: handling it is one views.publish the emulator records.</summary>
    internal static string HomeOpened(string user, string eventId)
    {
        var body = SlackPayloads.Event("app_home_opened.json", e =>
        {
            e["user"] = user;
            e["tab"] = "home";
        }, eventId);
        body["team_id"] = EmulatedSlackApp.TeamId;
        return body.ToJsonString();
    }

    internal static async Task<(long Attempts, bool Processed, bool Dead, string? LastError)> RowAsync(EmulatedSlackApp env, string eventId)
    {
        await using var connection = env.App.Database();
        var row = await connection.QuerySingleAsync<(long, long?, long?, string?)>(
            "SELECT attempts, processed_at, dead_at, last_error FROM slack_inbox WHERE envelope_id = @Id", new { Id = eventId });
        return (row.Item1, row.Item2 is not null, row.Item3 is not null, row.Item4);
    }

    /// <summary>The verb as ops run it (same settings as the bot), in this process, on the app's store.</summary>
    private static async Task<(int Code, string Output, string Error)> CliAsync(EmulatedSlackApp env, params string[] words)
    {
        var args = new List<string> { "inbox" };
        args.AddRange(words);
        args.AddRange(env.App.StoreEnvironment().Select(kv => $"--{kv.Key.Replace("__", ":", StringComparison.Ordinal)}={kv.Value}"));
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await InboxCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
