using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NormBot.Hosting;
using NormBot.SlackEmulator;
using Quartz;
using Quartz.Impl.AdoJobStore;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Demo;

/// <summary>
/// The Slack emulator and the real bot wired to it over Socket Mode, on a throwaway SQLite file and a
/// clock the demo moves. Speaks as the team through the emulator, exactly as Slack would deliver it.
/// </summary>
public sealed class DemoHost : IAsyncDisposable
{
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromSeconds(15);

    // The clock stands still while the bot works, which keeps the transcript exact, except when the bot is waiting
    // for the clock itself: a retry or a backoff on the injected clock (Quartz's store retries a failed statement
    // after a pause on it) would otherwise wait for a clock that waits for it. So a wait that shows no change for
    // this long moves the clock on by a second.
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StallStep = TimeSpan.FromSeconds(1);

    // Quartz's default, which NormBot keeps: a trigger later than this is left to its misfire handler, which only
    // runs as the clock moves on, so waiting for it here would wait forever.
    private static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);

    private readonly string _folder;

    private readonly DemoLogTail _log;

    private DemoHost(Emulator slack, WebApplication bot, FakeTimeProvider time, string folder, DemoLogTail log)
    {
        Slack = slack;
        Bot = bot;
        Time = time;
        _folder = folder;
        _log = log;
    }

    public Emulator Slack { get; }

    public WebApplication Bot { get; }

    public FakeTimeProvider Time { get; }

    private string DatabasePath => Path.Combine(_folder, "normbot.db");

    public static async Task<DemoHost> StartAsync(DemoScript script, FakeTimeProvider time, Action<IServiceCollection>? services, CancellationToken ct)
    {
        var slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = DemoPayloads.TeamId, TeamName = "Demo team", TimeProvider = time }, ct);
        var names = new DemoNames(script, slack.BotUserId);
        foreach (var person in script.Team)
        {
            slack.Workspace.AddUser(names.User(person.Name), person.Name, person.Tz);
            if (person.Status is { } status)
            {
                var emoji = status.Split(' ', 2)[0];
                var (icon, text) = emoji.StartsWith(':') && emoji.EndsWith(':') ? (emoji, status[emoji.Length..].Trim()) : ("", status);
                slack.Workspace.SetStatus(names.User(person.Name), icon, text, person.StatusUntil is { } until ? DemoScript.Midnight(until, person.Tz) : null);
            }
        }

        foreach (var (channel, members) in script.Channels)
        {
            slack.Workspace.AddChannel(names.Channel(channel), channel, [slack.BotUserId, .. members.Select(names.User)]);
        }

        var folder = Path.Combine(Path.GetTempPath(), "normbot-demo", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:AppToken"] = slack.AppToken,
            ["Slack:SigningSecret"] = "",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "normbot.db")}",
            // The transcript is the demo's output; the bot's own log goes to stderr, warnings and worse only.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (leader, index) in script.Team.Where(p => p.Leader).Select((p, i) => (p, i)))
        {
            settings[$"Norms:Leaders:{index}"] = names.User(leader.Name);
        }

        foreach (var (key, value) in script.Defaults)
        {
            settings[$"Norms:Defaults:{key}"] = names.ToSlack(value);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var log = new DemoLogTail();
        builder.Logging.AddProvider(log);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddNormBot(AppMode.Demo);

        // Quartz's store pauses on the demo's clock after a database error: 15 s of it by default, a second here.
        builder.Services.Configure<AdoJobStoreOptions>(o => o.DbRetryInterval = StallStep);
        services?.Invoke(builder.Services);
        var bot = builder.Build();
        var host = new DemoHost(slack, bot, time, folder, log);
        if (ConfigurationCheck.Problems(bot.Services) is { Count: > 0 } problems)
        {
            await host.DisposeAsync();
            throw new DemoException("The demo's own configuration was rejected: " + string.Join("; ", problems));
        }

        bot.UseNormBot();
        await bot.StartAsync(ct);
        await slack.WaitForCallAsync("auth.test", timeout: TimeSpan.FromSeconds(20));

        // An acknowledged envelope proves the bot's socket got its hello; the dispatcher ignores this event type.
        await host.SendEventAsync(new JsonObject { ["type"] = "normbot_demo_ready" }, ct);
        return host;
    }

    /// <summary>A human message, as Slack stores it and sends it to the bot; returns its ts.</summary>
    public async Task<string> SayAsync(string userId, string channelId, string text, string? threadTs, CancellationToken ct)
    {
        var ts = Slack.Workspace.AddMessage(channelId, userId, text, threadTs);
        await SendEventAsync(DemoPayloads.Message(userId, channelId, text, ts, threadTs), ct);
        return ts;
    }

    public Task ReactAsync(string userId, string channelId, string ts, string itemUserId, string reaction, CancellationToken ct) =>
        SendEventAsync(DemoPayloads.Reaction(userId, channelId, ts, itemUserId, reaction, Time.GetUtcNow()), ct);

    /// <summary>Runs a slash command over Socket Mode; returns the reply in the ack, if any (a late reply goes to response_url).</summary>
    public async Task<string?> CommandAsync(string userId, string userName, string channelId, string channelName, string command, string text, CancellationToken ct)
    {
        var fields = DemoPayloads.SlashCommand(userId, userName, channelId, channelName, command, text, Slack.Options.AppId, Slack.CreateResponseUrl());
        var ack = await DeliverAsync(() => Slack.SendSlashCommandAsync(fields), ct);
        await QuietAsync(ct);
        return ack.Payload?["text"]?.GetValue<string>();
    }

    /// <summary>Presses a button the bot sent, the way Slack posts block_actions for it.</summary>
    public async Task PressAsync(string userId, RecordedCall message, JsonObject button, CancellationToken ct)
    {
        var payload = DemoPayloads.BlockAction(userId, message, button, Slack.Options.AppId, Slack.CreateResponseUrl(), Time.GetUtcNow());
        await DeliverAsync(() => Slack.SendInteractiveAsync(payload), ct);
        await QuietAsync(ct);
    }

    /// <summary>Moves the clock to <paramref name="until"/> a minute at a time, so the rule timers scan along the way.</summary>
    public async Task AdvanceToAsync(DateTimeOffset until, CancellationToken ct)
    {
        var step = TimeSpan.FromMinutes(1);
        while (Time.GetUtcNow() < until)
        {
            var left = until - Time.GetUtcNow();
            Time.Advance(left < step ? left : step);
            await Task.Delay(10, ct);
            await QuietAsync(ct);
        }
    }

    /// <summary>
    /// Waits until the bot has processed every envelope it acknowledged, finished the scheduled work the clock has
    /// reached, and sent every message that is due. The clock moves far faster than real time, so anything less lets a
    /// slow scan (a cold start, a busy machine) fall minutes of script time behind.
    /// </summary>
    public async Task QuietAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        var deadline = DateTime.UtcNow + QuietTimeout;
        var (seen, seenSince) = ((string?)null, DateTime.UtcNow);
        while (true)
        {
            var now = Time.GetUtcNow();
            if (await BotWork.PendingAsync(Bot.Services, connection, now, now - MisfireThreshold, ct) is not { } busy)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                // What was still busy, and what the bot last complained of: a test run shows this message, not stderr.
                throw new DemoException(
                    $"The bot did not finish its work within {QuietTimeout.TotalSeconds:0} s (at {Time.GetUtcNow():HH:mm} in the script); " +
                    $"still busy: {busy}; the bot's last warnings: {_log.Describe()}. Run with a larger --speed pause or check stderr.");
            }

            if (busy != seen)
            {
                (seen, seenSince) = (busy, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - seenSince > StallAfter)
            {
                Time.Advance(StallStep);
                seenSince = DateTime.UtcNow;
            }

            await Task.Delay(10, ct);
        }
    }

    private async Task SendEventAsync(JsonObject ev, CancellationToken ct)
    {
        var body = DemoPayloads.EventCallback(ev, Slack.Options.AppId, Time.GetUtcNow());
        await DeliverAsync(() => Slack.SendEventAsync(body), ct);
        await QuietAsync(ct);
    }

    private async Task<SocketAck> DeliverAsync(Func<Task<SocketAck>> send, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Slack.WaitForConnectionAsync(timeout: TimeSpan.FromSeconds(10));
                return await send();
            }
            catch (TimeoutException) when (attempt < 5)
            {
                // The bot's socket is (re)connecting, and its backoff runs on the demo clock: let a little script
                // time pass so it can finish. Events keep their event_id, so a retry is deduped.
                Time.Advance(TimeSpan.FromSeconds(15));
                await Task.Delay(300, ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.StopAsync();
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle may outlive the host for a moment; the folder is under the temp directory anyway.
        }
    }
}
