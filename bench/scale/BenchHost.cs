using NormBot.Hosting;
using NormBot.Storage;
using NormBot.SlackEmulator;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Bench.Scale;

/// <summary>The real bot (HTTP mode, signed requests) on the chosen store, against the emulator holding the busy workspace.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string SigningSecret = "scale-bench-signing-secret";

    private readonly bool _started;

    private BenchHost(Emulator slack, WebApplication bot, BenchClock time, bool started)
    {
        _started = started;
        Slack = slack;
        Bot = bot;
        Time = time;
    }

    public Emulator Slack { get; }

    public WebApplication Bot { get; }

    public BenchClock Time { get; }

    public IServiceProvider Services => Bot.Services;

    public Uri BaseUrl => new(Bot.Urls.First());

    /// <summary>The bot, started; with <paramref name="start"/> false only migrated (seeding wants no scheduler writing beside it).</summary>
    public static async Task<BenchHost> StartAsync(string provider, string connectionString, DateTimeOffset now, bool start, CancellationToken ct)
    {
        // The seeded "now", moving in real time (BenchClock).
        var time = new BenchClock(now);
        var slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = ScaleData.BusyTeam, TeamName = "Busy", TimeProvider = time, EnforceBotMembership = false }, ct);
        for (var i = 0; i < ScaleData.People; i++)
        {
            slack.Workspace.AddUser(ScaleData.User(i), "person" + i, "Europe/Berlin");
        }

        for (var i = 0; i < ScaleData.Channels; i++)
        {
            slack.Workspace.AddChannel(ScaleData.Channel(i), "channel" + i, [slack.BotUserId]);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:AppToken"] = "",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Norms:Leaders:0"] = ScaleData.Leader,

            // The seeded 90 days of history stay: with the default 30 days, retention's first run would cut them mid-measurement.
            ["Storage:RetentionDays"] = "365",
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("SCALE_LOG") ?? "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddNormBot(AppMode.Run);
        var bot = builder.Build();
        if (ConfigurationCheck.Problems(bot.Services) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("configuration rejected: " + string.Join("; ", problems));
        }

        if (!start)
        {
            await bot.Services.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
            return new BenchHost(slack, bot, time, started: false);
        }

        bot.UseNormBot();
        await bot.StartAsync(ct);
        await slack.WaitForCallAsync("auth.test", timeout: TimeSpan.FromSeconds(30));
        return new BenchHost(slack, bot, time, started: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Bot.StopAsync();
        }

        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
