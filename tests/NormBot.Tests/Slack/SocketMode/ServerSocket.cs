using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using NormBot.Slack.SocketMode;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.SocketMode;

/// <summary>Slack's end of one Socket Mode connection, driven by the test.</summary>
public sealed class ServerSocket(WebSocket socket, HttpContext context)
{
    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public Uri Url => new($"ws://x{context.Request.Path}{context.Request.QueryString}");

    /// <summary>Reads continuously so pings are answered, and answers the client's close.</summary>
    public async Task RunAsync()
    {
        try
        {
            while (await SocketFrames.ReceiveAsync(socket, context.RequestAborted) is { } frame)
            {
                _received.Writer.TryWrite(frame);
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested || socket.State != WebSocketState.Open)
        {
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    public Task SendFixtureAsync(string name) => SendAsync(Fixtures.ReadText("socket-mode", name));

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next frame from the client, or null once the client has closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _received.Reader.ReadAsync(cts.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No frame from the client in time");
        }
    }

    /// <summary>Drops the TCP connection without a close handshake, like a dying load balancer.</summary>
    public void Abort() => context.Abort();
}
