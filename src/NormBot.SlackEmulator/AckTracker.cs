using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Matches client ack frames to envelopes awaiting them and keeps every ack for assertions.</summary>
internal sealed class AckTracker
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource<SocketAck> Done, long Started)> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<SocketAck> _acks = [];

    public IReadOnlyList<SocketAck> Snapshot()
    {
        lock (_gate)
        {
            return [.. _acks];
        }
    }

    /// <summary>Registers before sending, so an ack that races the send's completion is not lost.</summary>
    public Task<SocketAck> Expect(string envelopeId)
    {
        var done = new TaskCompletionSource<SocketAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[envelopeId] = (done, Stopwatch.GetTimestamp());
        return done.Task;
    }

    public void Forget(string envelopeId) => _pending.TryRemove(envelopeId, out _);

    /// <summary>Handles one client text frame; anything without a string envelope_id is not an ack and is ignored.</summary>
    public void OnFrame(string text)
    {
        JsonObject? frame;
        try
        {
            frame = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }

        if (frame?["envelope_id"] is not JsonValue idNode || idNode.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var id = idNode.GetValue<string>();
        var known = _pending.TryGetValue(id, out var pending);
        var ack = new SocketAck(id, frame["payload"]?.DeepClone() as JsonObject, known ? Stopwatch.GetElapsedTime(pending.Started) : TimeSpan.Zero);
        lock (_gate)
        {
            _acks.Add(ack);
        }

        if (known)
        {
            pending.Done.TrySetResult(ack);
        }
    }
}
