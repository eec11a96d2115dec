using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NormBot.SlackEmulator;

/// <summary>A local stand-in for Slack's Web API, response URLs and Socket Mode, on a dynamic loopback port.</summary>
public sealed class SlackEmulator : IAsyncDisposable
{
    private static readonly TimeSpan DefaultAckTimeout = TimeSpan.FromSeconds(3);
    private readonly WebApplication _app;
    private readonly CallRecorder _recorder = new();
    private readonly FaultInjector _faults = new();
    private readonly SocketHub _sockets;
    private readonly ResponseUrls _responseUrls;
    private readonly WebApiEndpoint _webApi;
    private readonly CancellationTokenSource _stopping = new();

    private SlackEmulator(WebApplication app, SlackEmulatorOptions options)
    {
        _app = app;
        Options = options;
        Workspace = new SlackWorkspace(options);
        _sockets = new SocketHub(options);
        _webApi = new WebApiEndpoint(Workspace, new WebApiMethods(Workspace, _sockets), _recorder, _faults, _stopping.Token);
        _responseUrls = new ResponseUrls(options, _recorder, _webApi);
    }

    public SlackEmulatorOptions Options { get; }

    public SlackWorkspace Workspace { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public string BotToken => Options.BotToken;

    public string AppToken => Options.AppToken;

    public string TeamId => Options.TeamId;

    public string BotUserId => Options.BotUserId;

    public IReadOnlyList<RecordedCall> Calls => _recorder.Snapshot();

    public IReadOnlyList<SocketAck> Acks => _sockets.Acks;

    public int ConnectionCount => _sockets.ConnectionCount;

    public static async Task<SlackEmulator> StartAsync(SlackEmulatorOptions? options = null, CancellationToken ct = default)
    {
        // An empty builder keeps host configuration (ASPNETCORE_URLS, appsettings.json) from leaking in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();

        // A hung delay fault or a silent socket must not stall test teardown for Kestrel's default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var emulator = new SlackEmulator(app, options ?? new SlackEmulatorOptions());
        app.Urls.Add($"http://127.0.0.1:{emulator.Options.Port.ToString(CultureInfo.InvariantCulture)}");
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Run(emulator.RouteAsync);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        emulator._sockets.BaseUri = emulator.BaseUrl;
        emulator._responseUrls.BaseUri = emulator.BaseUrl;
        return emulator;
    }

    public string CreateResponseUrl() => _responseUrls.Create();

    public void Inject(string method, EmulatedFault fault, int times = 1) => _faults.Add(method, fault, times);

    /// <summary>Injected faults not yet met by a call: zero once every one has reached the emulator.</summary>
    public int PendingFaults(string method) => _faults.Pending(method);

    public void ClearCalls() => _recorder.Clear();

    public Task<RecordedCall> WaitForCallAsync(string method, Func<RecordedCall, bool>? match = null, TimeSpan? timeout = null) =>
        _recorder.WaitAsync(method, match, timeout);

    public Task WaitForConnectionAsync(int count = 1, TimeSpan? timeout = null) =>
        _sockets.WaitForConnectionsAsync(count, timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Sends an envelope to one connected socket (round-robin) and waits for its ack.</summary>
    public Task<SocketAck> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false, int retryAttempt = 0, string? retryReason = null, TimeSpan? ackTimeout = null) =>
        _sockets.SendEnvelopeAsync(Frames.Envelope(type, payload, acceptsResponsePayload, retryAttempt, retryReason), ackTimeout ?? DefaultAckTimeout);

    public Task<SocketAck> SendEventAsync(JsonObject eventCallbackBody, int retryAttempt = 0, string? retryReason = null) =>
        SendEnvelopeAsync(Frames.EventsApi, eventCallbackBody, acceptsResponsePayload: false, retryAttempt, retryReason);

    public Task<SocketAck> SendSlashCommandAsync(JsonObject formFieldsAsJson) =>
        SendEnvelopeAsync("slash_commands", formFieldsAsJson, acceptsResponsePayload: true);

    /// <summary>view_submission and block_suggestion accept a response payload; other interactions do not.</summary>
    public Task<SocketAck> SendInteractiveAsync(JsonObject payload) =>
        SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: (string?)payload["type"] is "view_submission" or "block_suggestion");

    public Task SendDisconnectAsync(string reason) => _sockets.SendDisconnectAsync(reason);

    public Task DropConnectionsAsync()
    {
        _sockets.DropAll();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _sockets.DropAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return _webApi.HandleAsync(context, path["/api/".Length..]);
        }

        if (path.StartsWith("/response/", StringComparison.Ordinal) && HttpMethods.IsPost(context.Request.Method))
        {
            return _responseUrls.HandleAsync(context, path["/response/".Length..]);
        }

        if (path == "/socket")
        {
            return _sockets.AcceptAsync(context, _stopping.Token);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
