using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NormBot.Slack.SocketMode;

namespace NormBot.Tests.Slack.SocketMode;

/// <summary>Stands in for the durable inbox: records envelopes and answers with whatever the test set up.</summary>
public sealed class RecordingSink : ISocketModeEnvelopeSink
{
    private readonly ConcurrentQueue<SocketModeEnvelope> _accepted = new();

    public IReadOnlyList<SocketModeEnvelope> Accepted => [.. _accepted];

    public Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> Handler { get; set; } = (_, _) => Task.FromResult<JsonNode?>(null);

    public async Task<JsonNode?> AcceptAsync(SocketModeEnvelope envelope, CancellationToken ct)
    {
        var answer = await Handler(envelope, ct);
        _accepted.Enqueue(envelope);
        return answer;
    }
}
