using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace NormBot.Slack.SocketMode;

/// <summary>Reads one whole JSON text message from a WebSocket, however many frames it spans, up to a bound.</summary>
internal static class SocketFrames
{
    /// <summary>As for HTTP requests (<see cref="Http.SlackRequestBody.MaxBytes"/>): far above any real envelope.</summary>
    public const int MaxBytes = Http.SlackRequestBody.MaxBytes;

    /// <summary>Returns null when the peer sent a close frame.</summary>
    public static async Task<JsonObject?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxBytes)
            {
                // The connection is dropped and opened again; Slack redelivers what was not acknowledged.
                throw new WebSocketException(WebSocketError.Faulted, $"Socket Mode message larger than {MaxBytes} bytes");
            }

            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.WrittenSpan) as JsonObject
                    ?? throw new WebSocketException("Socket Mode frame was not a JSON object");
            }
        }
    }
}
