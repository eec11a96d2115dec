using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Emu = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.SlackEmulator;

/// <summary>A bare Socket Mode client for emulator tests: open via apps.connections.open, read and write JSON frames.</summary>
public sealed class TestSocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketState State => _socket.State;

    public static async Task<TestSocketClient> ConnectAsync(Emu emulator)
    {
        var open = await EmulatorHttp.PostJsonAsync(emulator, "apps.connections.open", [], token: "app");
        Assert.That(open.Ok, Is.True, open.RawBody);
        var client = new TestSocketClient();
        await client._socket.ConnectAsync(new Uri((string)open.Json["url"]!), CancellationToken.None);
        return client;
    }

    /// <summary>Connects, consumes the hello frame and waits until the emulator counts the connection.</summary>
    public static async Task<TestSocketClient> ConnectReadyAsync(Emu emulator, int expectedConnections = 1)
    {
        var client = await ConnectAsync(emulator);
        var hello = await client.ReceiveAsync();
        Assert.That((string?)hello?["type"], Is.EqualTo("hello"));
        await emulator.WaitForConnectionAsync(expectedConnections);
        return client;
    }

    /// <summary>Next text frame as JSON, or null when the server closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            }
        }
    }

    public Task SendAsync(JsonObject frame) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Best effort: the emulator may already have gone.
            }
        }

        _socket.Dispose();
    }
}
