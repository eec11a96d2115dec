using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NormBot.Slack.Api;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Api;

/// <summary>The real AddSlackApi registration with a fake clock and a fake Slack behind the primary handler.</summary>
public sealed class SlackApiHarness : IDisposable
{
    public const string BotToken = "xoxb-test-bot-token-1234";
    public const string AppToken = "xapp-test-app-token-5678";

    private readonly ServiceProvider _services;

    public SlackApiHarness()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:AppToken"] = AppToken,
            ["Slack:ApiBaseUrl"] = "https://slack.test/api",
        }).Build();

        Http = new FakeSlackHttp(Time);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IWorkspaceTokens>(Tokens);
        services.AddSlackApi(config);
        services.AddHttpClient(SlackApiSetup.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Http);
        _services = services.BuildServiceProvider();
        Api = _services.GetRequiredService<ISlackClients>().For(TeamId);
    }

    public const string TeamId = "T0123NORM";

    public FixedWorkspaceTokens Tokens { get; } = new(BotToken);

    public TestClock Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public FakeSlackHttp Http { get; }

    public ListLoggerProvider Logs { get; } = new();

    /// <summary>The client bound to <see cref="TeamId"/>.</summary>
    public ISlackApi Api { get; }

    /// <summary>Advances the fake clock in small steps until the call finishes, so retry and pacing waits elapse.</summary>
    public async Task<T> PumpAsync<T>(Task<T> call, TimeSpan? step = null)
    {
        for (var i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(2);
            Time.Advance(step ?? TimeSpan.FromMilliseconds(500));
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _services.Dispose();
}
