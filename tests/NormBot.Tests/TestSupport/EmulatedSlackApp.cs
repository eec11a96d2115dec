using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NormBot.SlackEmulator;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.TestSupport;

/// <summary>The front door for end-to-end tests: the real app wired to a local Slack emulator.</summary>
public sealed class EmulatedSlackApp : IAsyncDisposable
{
    public const string TeamId = "T0EMULATOR";

    private EmulatedSlackApp(Emulator slack, NormBotFactory app)
    {
        Slack = slack;
        App = app;
    }

    public Emulator Slack { get; }

    public NormBotFactory App { get; }

    public FakeTimeProvider Time => App.Time;

    /// <summary>Starts the emulator and the app. <paramref name="socketMode"/> connects over WebSocket instead of HTTP.</summary>
    public static async Task<EmulatedSlackApp> StartAsync(
        bool socketMode = false, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, Action<IServiceCollection>? services = null,
        string? databasePath = null, Emulator? reuseSlack = null)
    {
        var slack = reuseSlack ?? await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = TeamId, TimeProvider = time ?? TimeProvider.System });
        var all = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:AppToken"] = socketMode ? slack.AppToken : "",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new NormBotFactory(all, time, services, databasePath);
        _ = app.Server; // start the host now: migrations, auth.test, Socket Mode
        return new EmulatedSlackApp(slack, app);
    }

    public HttpClient CreateClient() => App.CreateClient();

    /// <summary>Stops the app but leaves the emulator running, for restart scenarios.</summary>
    public ValueTask StopAppAsync() => App.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
