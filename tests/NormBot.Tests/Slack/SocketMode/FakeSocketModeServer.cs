using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NormBot.Tests.Slack.SocketMode;

/// <summary>
/// Just enough Slack for Socket Mode on 127.0.0.1: <c>apps.connections.open</c> hands out <c>ws://</c> URLs and
/// every accepted socket is given to the test, which then plays Slack's side frame by frame.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private readonly Channel<ServerSocket> _sockets = Channel.CreateUnbounded<ServerSocket>();
    private readonly List<string?> _openAuthorizations = [];
    private WebApplication _app = null!;
    private int _port;

    public Uri ApiBase => new($"http://127.0.0.1:{_port}/api/");

    public IReadOnlyList<string?> OpenAuthorizations
    {
        get
        {
            lock (_openAuthorizations)
            {
                return [.. _openAuthorizations];
            }
        }
    }

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var server = new FakeSocketModeServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.UseWebSockets();
        server._app.MapPost("/api/apps.connections.open", server.OpenConnection);
        server._app.Map("/socket", server.AcceptSocketAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server._port = new Uri(address).Port;
        return server;
    }

    /// <summary>The next socket the client opens.</summary>
    public async Task<ServerSocket> NextSocketAsync(TimeSpan? timeout = null)
    {
        // A cancelled read gives up its place; WaitAsync would leave a reader behind that swallows the next socket.
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _sockets.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No Socket Mode connection arrived in time");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult OpenConnection(HttpContext context)
    {
        int n;
        lock (_openAuthorizations)
        {
            _openAuthorizations.Add(context.Request.Headers.Authorization);
            n = _openAuthorizations.Count;
        }

        return Results.Json(new { ok = true, url = $"ws://127.0.0.1:{_port}/socket?ticket={n}" });
    }

    private async Task AcceptSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = new ServerSocket(await context.WebSockets.AcceptWebSocketAsync(), context);
        _sockets.Writer.TryWrite(socket);
        await socket.RunAsync();
    }
}
