using System.Text.Json.Nodes;

namespace NormBot.Slack.SocketMode;

/// <summary>
/// Takes each Socket Mode envelope before it is acknowledged. The ack is sent only after this returns, so an
/// implementation should persist durably and return fast (Slack's budget is about 3 s). Throwing means "not
/// accepted": no ack is sent and Slack redelivers.
/// </summary>
public interface ISocketModeEnvelopeSink
{
    /// <summary>Returns the ack payload (e.g. a slash-command reply), or null for a bare ack.</summary>
    Task<JsonNode?> AcceptAsync(SocketModeEnvelope envelope, CancellationToken ct);
}
