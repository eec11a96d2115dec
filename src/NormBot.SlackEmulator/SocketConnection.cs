using System.Net.WebSockets;
using System.Text;

namespace NormBot.SlackEmulator;

/// <summary>One accepted Socket Mode WebSocket: serialised sends and a frame-assembling receive loop.</summary>
internal sealed class SocketConnection(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private volatile bool _disconnecting;

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>Sent a <c>disconnect</c> frame: open until the server closes it, but no longer given envelopes.</summary>
    public bool Disconnecting { get => _disconnecting; set => _disconnecting = value; }

    public async Task SendAsync(string text, CancellationToken ct)
    {
        // WebSocket allows only one outstanding send; envelopes and disconnects can race.
        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task ReceiveLoopAsync(Action<string> onText, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    onText(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer vanished or the emulator is stopping; either way this connection is over.
        }
    }

    /// <summary>Polite close like Slack's after a disconnect frame; aborts if the client never answers.</summary>
    public async Task CloseAsync(string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Abort();
        }
    }

    public void Abort()
    {
        try
        {
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Already finished and cleaned up: nothing left to abort.
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
    }
}
