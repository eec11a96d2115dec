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
    private readonly WorkspaceRegistry _workspaces;
    private readonly OAuthFlow _oauth;
    private readonly CancellationTokenSource _stopping = new();

    private SlackEmulator(WebApplication app, SlackEmulatorOptions options)
    {
        _app = app;
        Options = options;
        _sockets = new SocketHub(options);
        _workspaces = new WorkspaceRegistry(options, _sockets);
        Workspace = _workspaces.Add(options.TeamId, options.TeamName, options.BotToken, options.BotUserId, options.BotId);
        _oauth = new OAuthFlow(options, _workspaces, _recorder);
        _webApi = new WebApiEndpoint(options, _workspaces, _oauth, _recorder, _faults, _stopping.Token);
        _responseUrls = new ResponseUrls(options, _recorder, _webApi);
    }

    public SlackEmulatorOptions Options { get; }

    /// <summary>The first workspace, the one <see cref="BotToken"/> acts on.</summary>
    public SlackWorkspace Workspace { get; }

    public IReadOnlyList<SlackWorkspace> Workspaces => _workspaces.All;

    /// <summary>Slack's OAuth authorize page as the emulator serves it (for <c>Slack:AuthorizeUrl</c>).</summary>
    public Uri AuthorizeUrl => new(BaseUrl, OAuthFlow.AuthorizePath.TrimStart('/'));

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

    /// <summary>Another workspace with its own bot token, users and channels; calls with its token act on it alone.</summary>
    public SlackWorkspace AddWorkspace(string teamId, string teamName, string? botUserId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        return _workspaces.Add(teamId, teamName, $"xoxb-{teamId}-emulator-bot-token", botUserId ?? $"U{teamId[1..]}BOT", $"B{teamId[1..]}BOT");
    }

    /// <summary>An OAuth code for a workspace, as the authorize page would issue it after the person clicks Allow.</summary>
    public string CreateOAuthCode(string teamId, string? installerUserId = null, string scopes = "chat:write", string? redirectUri = null) =>
        _oauth.IssueCode(_workspaces.Find(teamId) ?? throw new KeyNotFoundException($"No workspace {teamId}"), installerUserId ?? Options.InstallingUserId, scopes, redirectUri);

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> (<c>*</c>: of any method) fail with
    /// <paramref name="fault"/>; <see cref="int.MaxValue"/> keeps failing until <see cref="ClearFaults"/>.
    /// </summary>
    public void Inject(string method, EmulatedFault fault, int times = 1) => _faults.Add(method, fault, times);

    /// <summary>Each call of <paramref name="method"/> (<c>*</c>: any) fails with <paramref name="fault"/> with this chance, reproducibly per seed.</summary>
    public void InjectRandomly(string method, EmulatedFault fault, double chance, int seed = 1) => _faults.AddRandom(method, fault, chance, seed);

    public void ClearFaults() => _faults.Clear();

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

    /// <summary>
    /// The <c>user_change</c> event Slack sends after someone's profile (status, time zone, ...) changed, wrapped in its
    /// <c>event_callback</c>: for a test to post over HTTP, or for <see cref="SendUserChangeAsync"/>.
    /// </summary>
    public JsonObject UserChangeEvent(string userId)
    {
        var user = Workspace.FindUser(userId) ?? throw new KeyNotFoundException($"No user {userId}");
        var now = Options.TimeProvider.GetUtcNow();
        return new JsonObject
        {
            ["token"] = "emulator-verification-token",
            ["team_id"] = Workspace.TeamId,
            ["api_app_id"] = Options.AppId,
            ["event"] = new JsonObject
            {
                ["user"] = SlackJson.User(user, Workspace),
                ["cache_ts"] = now.ToUnixTimeSeconds(),
                ["type"] = "user_change",
                ["event_ts"] = Workspace.Clock.Next(),
            },
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{Guid.NewGuid():N}"[..14].ToUpperInvariant(),
            ["event_time"] = now.ToUnixTimeSeconds(),
        };
    }

    public Task<SocketAck> SendUserChangeAsync(string userId) => SendEventAsync(UserChangeEvent(userId));

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

        if (path == OAuthFlow.AuthorizePath && HttpMethods.IsGet(context.Request.Method))
        {
            return _oauth.AuthorizeAsync(context);
        }

        if (path == "/socket")
        {
            return _sockets.AcceptAsync(context, _stopping.Token);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
