using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NormBot.Slack.Events;
using NormBot.Slack.Inbox;

namespace NormBot.Slack.Handlers;

/// <summary>Routes an inbox envelope to the handlers registered in <see cref="SlackHandlers"/>.</summary>
public sealed partial class SlackDispatcher(
    IServiceProvider services, InboxCompletions completions, IHttpClientFactory httpClients, ILogger<SlackDispatcher> logger)
{
    public const string ResponseUrlClient = "slack-response-url";

    public Task DispatchAsync(InboxEnvelope envelope, CancellationToken ct) => envelope.Kind switch
    {
        InboxEnvelope.Event => DispatchEventAsync(envelope.Body, ct),
        InboxEnvelope.Command => DispatchCommandAsync(envelope, ct),
        InboxEnvelope.Interaction => DispatchInteractionAsync(envelope.Body, ct),
        _ => Task.CompletedTask,
    };

    private async Task DispatchEventAsync(byte[] body, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var ev = root.GetProperty("event");
        var context = new EventContext(
            root.GetProperty("team_id").GetString() ?? "",
            root.GetProperty("event_id").GetString() ?? "",
            DateTimeOffset.FromUnixTimeSeconds(root.TryGetProperty("event_time", out var t) && t.TryGetInt64(out var s) ? s : 0));
        var type = ev.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        switch (type)
        {
            case SlackHandlers.Events.Message:
                await HandleAsync<MessageEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.AppMention:
                await HandleAsync<AppMentionEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.ReactionAdded:
                await HandleAsync<ReactionAddedEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.ReactionRemoved:
                await HandleAsync<ReactionRemovedEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.SubteamMembersChanged:
                await HandleAsync<SubteamMembersChangedEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.AppHomeOpened:
                await HandleAsync<AppHomeOpenedEvent>(ev, context, ct);
                break;
            default:
                Log.Ignored(logger, type ?? "(none)");
                break;
        }
    }

    private async Task HandleAsync<TEvent>(JsonElement ev, EventContext context, CancellationToken ct)
    {
        var slackEvent = ev.Deserialize<TEvent>(SlackJson.Options)!;
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            await handler.HandleAsync(slackEvent, context, ct);
        }
    }

    private async Task DispatchCommandAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        var command = SlashCommand.FromFields(JsonNode.Parse(envelope.Body)!.AsObject());
        var handler = services.GetService<ISlashCommandHandler>();
        var reply = handler is null
            ? new JsonObject { ["response_type"] = "ephemeral", ["text"] = $"{command.Command} is not available in this build yet." }
            : await handler.HandleAsync(command, ct);
        if (completions.TryComplete(envelope.TeamId, envelope.EnvelopeId, reply) || reply is null)
        {
            return;
        }

        // The 3-second window has passed (or this is a recovered envelope): Slack accepts the reply at response_url.
        if (Uri.TryCreate(command.ResponseUrl, UriKind.Absolute, out var responseUrl))
        {
            using var response = await httpClients.CreateClient(ResponseUrlClient).PostAsJsonAsync(responseUrl, reply, ct);
            Log.LateReply(logger, (int)response.StatusCode);
        }
    }

    private async Task DispatchInteractionAsync(byte[] body, CancellationToken ct)
    {
        var payload = JsonNode.Parse(body)!.AsObject();
        if (payload["type"]?.GetValue<string>() != "block_actions")
        {
            return;
        }

        var request = BlockActionRequest.FromPayload(payload);
        var handlers = services.GetServices<IBlockActionHandler>().ToList();
        foreach (var action in request.Actions)
        {
            var handler = handlers.FirstOrDefault(h => h.ActionIds.Contains(action.ActionId));
            if (handler is null)
            {
                Log.UnknownAction(logger, action.ActionId);
                continue;
            }

            await handler.HandleAsync(request, action, ct);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "No handler for event type {Type}")]
        public static partial void Ignored(ILogger logger, string type);

        [LoggerMessage(Level = LogLevel.Warning, Message = "No handler for action {ActionId}")]
        public static partial void UnknownAction(ILogger logger, string actionId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Slash command reply sent to response_url late: HTTP {Status}")]
        public static partial void LateReply(ILogger logger, int status);
    }
}
