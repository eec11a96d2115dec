using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using NormBot.Slack.Api;

namespace NormBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, hands envelopes to the sink concurrently and acks each one.
/// <see cref="Ended"/> completes with the reason the owner should move on (a disconnect reason, "expiring",
/// "closed" or "error"); the socket keeps acking until the owner retires it.
/// </summary>
internal sealed partial class SocketModeConnection(int id, ISocketModeEnvelopeSink sink, TimeProvider time, ILogger logger)
    : IAsyncDisposable
{
    public const string Expiring = "expiring";
    public const string Closed = "closed";
    public const string Failed = "error";

    // On the real clock, like AttemptTimeoutHandler: a socket Slack never greets is a fact about the network, and an
    // injected clock that jumps (the demo, tests) must not abandon one it is about to greet.
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _life = new();
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private long _next;
    private Task _receiving = Task.CompletedTask;

    public int Id => id;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public Task<string> Ended => _ended.Task;

    public async Task ConnectAsync(Uri url, CancellationToken ct)
    {
        // Half-open sockets (NAT idle timeouts) are the usual failure; the runtime pings every 15 s and aborts
        // the socket when no pong arrives within 15 s, which ends the receive loop and triggers a reconnect.
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);

        using var timeout = new CancellationTokenSource(HelloTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token, _life.Token);
        await _socket.ConnectAsync(url, linked.Token);
        var hello = await SocketFrames.ReceiveAsync(_socket, linked.Token)
            ?? throw new WebSocketException("Socket closed before hello");
        if ((string?)hello["type"] != "hello")
        {
            throw new WebSocketException($"Expected hello, got {(string?)hello["type"]}");
        }

        var seconds = (double?)hello["debug_info"]?["approximate_connection_time"] ?? 0;
        Log.Connected(logger, id, seconds);
        _receiving = ReceiveLoopAsync(_life.Token);
        if (seconds > 0)
        {
            // Rotate a little early so the new socket is up before Slack closes this one.
            _ = ExpireAfterAsync(TimeSpan.FromSeconds(seconds * 0.9), _life.Token);
        }
    }

    /// <summary>Waits (bounded) for in-flight envelopes to be acked, then closes politely and frees the socket.</summary>
    public async Task RetireAsync(TimeSpan drainTimeout)
    {
        try
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(drainTimeout, time);
            if (_socket.State == WebSocketState.Open)
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
                await SendAsync(ws => ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "rotating", closeTimeout.Token), closeTimeout.Token);
                await _receiving.WaitAsync(TimeSpan.FromSeconds(5), time);
            }
        }
        catch (Exception ex)
        {
            Log.RetireFailed(logger, id, ex.GetType().Name);
        }
        finally
        {
            await DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _ended.TrySetResult(Closed);
        if (!_life.IsCancellationRequested)
        {
            await _life.CancelAsync();
        }

        _socket.Abort();
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        try
        {
            while (await SocketFrames.ReceiveAsync(_socket, ct) is { } frame)
            {
                Dispatch(frame);
            }

            Log.ClosedByPeer(logger, id, _socket.CloseStatus?.ToString() ?? "none");
            _ended.TrySetResult(Closed);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _ended.TrySetResult(Closed);
        }
        catch (Exception ex)
        {
            Log.ReceiveFailed(logger, id, ex.GetType().Name);
            _ended.TrySetResult(Failed);
        }
    }

    private async Task SendAsync(Func<ClientWebSocket, Task> send, CancellationToken ct)
    {
        // ClientWebSocket allows one send at a time; acks finish in any order.
        await _sendLock.WaitAsync(ct);
        try
        {
            await send(_socket);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ExpireAfterAsync(TimeSpan after, CancellationToken ct)
    {
        try
        {
            await Task.Delay(after, time, ct);
            _ended.TrySetResult(Expiring);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
