using System.Text.Json.Nodes;
using NormBot.Slack.Inbox;

namespace NormBot.Slack.SocketMode;

/// <summary>Socket Mode's side of the shared intake: the same durable inbox and handlers as HTTP.</summary>
public sealed class SocketModeIntake(SlackIntake intake) : ISocketModeEnvelopeSink
{
    public async Task<JsonNode?> AcceptAsync(SocketModeEnvelope envelope, CancellationToken ct)
    {
        var payload = envelope.Payload;
        if (payload is null)
        {
            return null;
        }

        switch (envelope.Type)
        {
            case SocketModeEnvelope.EventsApi when Str(payload["type"]) == "event_callback"
                && Str(payload["team_id"]) is { } teamId && Str(payload["event_id"]) is { } eventId:
                await intake.AcceptEventAsync(teamId, eventId, payload.ToJsonString(), Str(payload["event"]?["channel"]), ct);
                return null;
            case SocketModeEnvelope.EventsApi when Str(payload["type"]) == "app_rate_limited":
                SlackIntake.NoteRateLimited();
                return null;
            case SocketModeEnvelope.SlashCommands:
                var reply = await intake.AcceptCommandAsync(payload, ct);
                return envelope.AcceptsResponsePayload ? reply : null;
            case SocketModeEnvelope.Interactive when (Str(payload["team"]?["id"]) ?? Str(payload["user"]?["team_id"])) is { } team:
                var id = Str(payload["trigger_id"]) ?? Str(payload["actions"]?[0]?["action_ts"]) ?? envelope.EnvelopeId;
                await intake.AcceptInteractionAsync(team, id, payload.ToJsonString(), ct);
                return null;
            default:
                // Nothing we can use; acknowledging stops Slack from redelivering it forever.
                return null;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
