using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NormBot.Slack.Api;
using NormBot.Slack.SocketMode;
using NormBot.Tests.Slack.Api;

namespace NormBot.Tests.Slack.SocketMode;

/// <summary>The real AddSlackApi + AddSocketMode registrations pointed at a <see cref="FakeSocketModeServer"/>.</summary>
public sealed class SocketModeHarness : IAsyncDisposable
{
    public const string AppToken = "xapp-1-test-socket-token";

    private ServiceProvider _services = null!;

    public FakeSocketModeServer Server { get; private set; } = null!;

    public RecordingSink Sink { get; } = new();

    public ListLoggerProvider Logs { get; } = new();

    public SocketModeClient Client { get; private set; } = null!;

    public static async Task<SocketModeHarness> StartAsync(TimeProvider? time = null)
    {
        var harness = new SocketModeHarness { Server = await FakeSocketModeServer.StartAsync() };
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:AppToken"] = AppToken,
            ["Slack:ApiBaseUrl"] = harness.Server.ApiBase.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(harness.Logs));
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        services.AddSingleton<IWorkspaceTokens>(new FixedWorkspaceTokens("xoxb-test"));
        services.AddSlackApi(config);
        services.AddSingleton<ISocketModeEnvelopeSink>(harness.Sink);
        services.AddSocketMode();
        harness._services = services.BuildServiceProvider();
        harness.Client = harness._services.GetRequiredService<SocketModeClient>();
        await harness.Client.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Waits for the client's next socket and greets it like Slack does.</summary>
    public async Task<ServerSocket> ConnectedSocketAsync()
    {
        var socket = await Server.NextSocketAsync();
        await socket.SendFixtureAsync("hello.json");
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.StopAsync(CancellationToken.None);
        Client.Dispose();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
