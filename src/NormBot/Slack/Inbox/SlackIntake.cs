using System.Text.Json;
using System.Text.Json.Nodes;
using Prometheus;

namespace NormBot.Slack.Inbox;

/// <summary>
/// What both transports do with a delivery: make it durable, then answer. Slash commands wait briefly
/// for their reply so it can ride on the acknowledgement, as Slack prefers.
/// </summary>
public sealed class SlackIntake(InboxWriter writer, InboxCompletions completions, TimeProvider time)
{
    /// <summary>Slack allows 3 s; keep a margin for the network and the write.</summary>
    public static readonly TimeSpan ReplyBudget = TimeSpan.FromMilliseconds(2300);

    private static readonly Counter RateLimited = Metrics.CreateCounter("normbot_slack_app_rate_limited_total", "app_rate_limited notices from Slack.");

    /// <summary>Makes an <c>event_callback</c> durable; a retry of one already stored has no further effect.</summary>
    public Task AcceptEventAsync(string teamId, string eventId, byte[] body, string? channel, CancellationToken ct) =>
        writer.WriteAsync(new InboxEnvelope(teamId, eventId, InboxEnvelope.Event, body, Now()) { Channel = channel }, ct);

    public Task<bool> AcceptInteractionAsync(string teamId, string id, JsonObject payload, CancellationToken ct) =>
        writer.WriteAsync(new InboxEnvelope(teamId, id, InboxEnvelope.Interaction, JsonSerializer.SerializeToUtf8Bytes(payload), Now()), ct);

    /// <summary>Stores the command and returns its reply if the worker produced one within the budget.</summary>
    public async Task<JsonObject?> AcceptCommandAsync(JsonObject fields, CancellationToken ct)
    {
        var teamId = fields["team_id"]?.GetValue<string>() ?? "";
        var id = fields["trigger_id"]?.GetValue<string>() is { Length: > 0 } trigger ? trigger : Guid.NewGuid().ToString("N");
        var reply = completions.Register(teamId, id);
        if (!await writer.WriteAsync(new InboxEnvelope(teamId, id, InboxEnvelope.Command, JsonSerializer.SerializeToUtf8Bytes(fields), Now()), ct))
        {
            completions.Abandon(teamId, id);
            return null;
        }

        try
        {
            return await reply.Task.WaitAsync(ReplyBudget, time, ct);
        }
        catch (TimeoutException)
        {
            // If the worker finishes after this point it finds no waiter and posts to response_url instead.
            return completions.Abandon(teamId, id) ? null : await reply.Task;
        }
    }

    public static void NoteRateLimited() => RateLimited.Inc();

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
