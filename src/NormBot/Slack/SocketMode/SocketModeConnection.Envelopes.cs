using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using NormBot.Slack.Api;

namespace NormBot.Slack.SocketMode;

// Frame dispatch and acks; each envelope runs on its own so a slow sink never holds up another envelope's ack.
internal sealed partial class SocketModeConnection
{
    private void Dispatch(JsonObject frame)
    {
        var type = (string?)frame["type"];
        if (type == "disconnect")
        {
            var reason = (string?)frame["reason"] ?? "unknown";
            Log.Disconnect(logger, id, reason);
            _ended.TrySetResult(reason);
            return;
        }

        if (frame["envelope_id"] is null)
        {
            Log.Ignored(logger, id, type ?? "none");
            return;
        }

        SocketModeEnvelope envelope;
        try
        {
            envelope = frame.Deserialize<SocketModeEnvelope>(SlackApiJson.Options)!;
        }
        catch (JsonException)
        {
            // One malformed envelope must not cost the socket; unacked, Slack will try it again.
            Log.Ignored(logger, id, "malformed envelope");
            return;
        }

        var key = Interlocked.Increment(ref _next);
        _inFlight[key] = HandleAsync(key, envelope);
    }

    private async Task HandleAsync(long key, SocketModeEnvelope envelope)
    {
        // Leave the receive loop at once, so a sink that blocks synchronously still cannot delay other envelopes.
        await Task.Yield();
        try
        {
            var payload = await sink.AcceptAsync(envelope, _life.Token);
            var ack = new JsonObject { ["envelope_id"] = envelope.EnvelopeId };
            if (payload is not null && envelope.AcceptsResponsePayload)
            {
                ack["payload"] = payload.DeepClone();
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(ack, SlackApiJson.Options);
            await SendAsync(ws => ws.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _life.Token), _life.Token);
            Log.Acked(logger, id, envelope.EnvelopeId, envelope.Type);
        }
        catch (Exception ex)
        {
            // No ack: Slack redelivers the envelope, and the inbox dedupes it.
            Log.AckFailed(logger, ex, id, envelope.EnvelopeId, envelope.Type);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }
}
