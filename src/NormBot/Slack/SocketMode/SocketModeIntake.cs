using System.Text.Json;
using System.Text.Json.Nodes;
using NormBot.Slack.Inbox;

using NormBot.Slack.Events;

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
            case SocketModeEnvelope.EventsApi when JsonText.Of(payload["type"]) == "event_callback"
                && JsonText.Of(payload["team_id"]) is { } teamId && JsonText.Of(payload["event_id"]) is { } eventId:
                await intake.AcceptEventAsync(teamId, eventId, JsonSerializer.SerializeToUtf8Bytes(payload), JsonText.Of(payload["event"]?["channel"]), ct);
                return null;
            case SocketModeEnvelope.EventsApi when JsonText.Of(payload["type"]) == "app_rate_limited":
                SlackIntake.NoteRateLimited();
                return null;
            case SocketModeEnvelope.SlashCommands:
                var reply = await intake.AcceptCommandAsync(payload, ct);
                return envelope.AcceptsResponsePayload ? reply : null;
            case SocketModeEnvelope.Interactive when (JsonText.Of(payload["team"]?["id"]) ?? JsonText.Of(payload["user"]?["team_id"])) is { } team:
                var id = JsonText.Of(payload["trigger_id"]) ?? JsonText.Of(payload["actions"]?[0]?["action_ts"]) ?? envelope.EnvelopeId;
                await intake.AcceptInteractionAsync(team, id, payload, ct);
                return null;
            default:
                // Nothing we can use; acknowledging stops Slack from redelivering it forever.
                return null;
        }
    }

}
