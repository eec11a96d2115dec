using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Lets the request that carried a slash command answer with the reply when the worker finishes
/// within Slack's 3-second window; a reply that comes later goes to the command's response_url.
/// </summary>
public sealed class InboxCompletions
{
    private readonly ConcurrentDictionary<(string TeamId, string EnvelopeId), TaskCompletionSource<JsonObject?>> _waiting = new();

    public TaskCompletionSource<JsonObject?> Register(string teamId, string envelopeId)
    {
        var tcs = new TaskCompletionSource<JsonObject?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[(teamId, envelopeId)] = tcs;
        return tcs;
    }

    /// <summary>The request gave up waiting; whoever removes the entry first decides who delivers the reply.</summary>
    public bool Abandon(string teamId, string envelopeId) => _waiting.TryRemove((teamId, envelopeId), out _);

    /// <summary>True if a waiting request took the reply; false means the caller must deliver it another way.</summary>
    public bool TryComplete(string teamId, string envelopeId, JsonObject? reply) =>
        _waiting.TryRemove((teamId, envelopeId), out var tcs) && tcs.TrySetResult(reply);
}
