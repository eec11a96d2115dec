using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>An acknowledgement frame a Socket Mode client sent back for an envelope.</summary>
/// <param name="EnvelopeId">The envelope being acknowledged.</param>
/// <param name="Payload">Optional response payload (slash-command reply, view response_action, ...).</param>
/// <param name="Elapsed">Time from sending the envelope to receiving the ack (zero if the envelope was unknown).</param>
public sealed record SocketAck(string EnvelopeId, JsonObject? Payload, TimeSpan Elapsed);
