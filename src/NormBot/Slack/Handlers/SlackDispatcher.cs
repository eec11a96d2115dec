using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NormBot.Slack.Api;
using NormBot.Slack.Events;
using NormBot.Slack.Inbox;
using NormBot.Slack.Installations;

namespace NormBot.Slack.Handlers;

/// <summary>
/// Routes an inbox envelope to the handlers registered in <see cref="SlackHandlers"/>. A workspace without an
/// installation (never installed, or removed) is acknowledged and ignored (PRODUCT §15).
/// </summary>
public sealed partial class SlackDispatcher(
    IServiceProvider services, InboxCompletions completions, IHttpClientFactory httpClients, InstallationDirectory installations,
    IOptions<SlackOptions> slackOptions, ILogger<SlackDispatcher> logger)
{
    public const string ResponseUrlClient = "slack-response-url";

    public async Task DispatchAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (await installations.FindAsync(envelope.TeamId, ct) is not { } installation)
        {
            Log.NotInstalled(logger, envelope.Kind, envelope.TeamId);
            completions.TryComplete(envelope.TeamId, envelope.EnvelopeId, NotInstalledReply);
            return;
        }

        try
        {
            await (envelope.Kind switch
            {
                InboxEnvelope.Event => DispatchEventAsync(envelope.Body, installation, ct),
                InboxEnvelope.Command => DispatchCommandAsync(envelope, ct),
                InboxEnvelope.Interaction => DispatchInteractionAsync(envelope.Body, ct),
                _ => Task.CompletedTask,
            });
        }
        catch (Api.SlackApiException ex) when (ex.Error == Api.SlackErrors.NotInstalled)
        {
            // The workspace left (app_uninstalled, tokens_revoked) while this envelope was being handled: nothing to do.
            Log.NotInstalled(logger, envelope.Kind, envelope.TeamId);
        }
    }

    private static JsonObject NotInstalledReply => new()
    {
        ["response_type"] = "ephemeral",
        ["text"] = "NormBot is not installed in this workspace. A workspace admin can add it to Slack again.",
    };

    private async Task DispatchEventAsync(byte[] body, Installation installation, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.Object)
        {
            Log.Ignored(logger, "(no event)");
            return;
        }

        // Only the team and the event itself matter to the rules; the rest is read leniently (PRODUCT §12).
        var context = new EventContext(
            LenientJson.TextOf(root, "team_id") ?? installation.TeamId,
            LenientJson.TextOf(root, "event_id") ?? "",
            root.TryGetProperty("event_time", out var t) ? LenientJson.Instant(t) ?? DateTimeOffset.UnixEpoch : DateTimeOffset.UnixEpoch)
        {
            BotUserId = installation.BotUserId,
            IsExtSharedChannel = root.TryGetProperty("is_ext_shared_channel", out var shared)
                && (shared.ValueKind == JsonValueKind.True || shared.ValueKind == JsonValueKind.String && shared.GetString() == "true"),
        };
        var type = LenientJson.TextOf(ev, "type");
        switch (type)
        {
            case SlackHandlers.Events.Message:
                await HandleAsync<MessageEvent>(ev, context, ct);
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
            case SlackHandlers.Events.ChannelArchive or SlackHandlers.Events.GroupArchive or SlackHandlers.Events.ChannelDeleted
                or SlackHandlers.Events.GroupDeleted or SlackHandlers.Events.ChannelLeft or SlackHandlers.Events.GroupLeft:
                await HandleAsync<ChannelGoneEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.MemberLeftChannel:
                await HandleAsync<MemberLeftChannelEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.AppUninstalled:
                await HandleAsync<AppUninstalledEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.TokensRevoked:
                await HandleAsync<TokensRevokedEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.UserChange:
                await HandleAsync<UserChangeEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.MemberJoinedChannel:
                await HandleAsync<MemberJoinedChannelEvent>(ev, context, ct);
                break;
            default:
                Log.Ignored(logger, type ?? "(none)");
                break;
        }
    }

    private async Task HandleAsync<TEvent>(JsonElement ev, EventContext context, CancellationToken ct)
    {
        TEvent? slackEvent;
        try
        {
            slackEvent = ev.Deserialize<TEvent>(SlackEventJson.Options);
        }
        catch (JsonException ex)
        {
            // A shape no lenient reading can make sense of: a retry would read it the same way, so say so and move on.
            Log.Unreadable(logger, typeof(TEvent).Name, context.EventId, ex.Path ?? "");
            return;
        }

        if (slackEvent is null)
        {
            return;
        }

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
        if (!Uri.TryCreate(command.ResponseUrl, UriKind.Absolute, out var responseUrl) || !ResponseUrlPolicy.Allows(responseUrl, slackOptions.Value.ApiBaseUrl))
        {
            Log.ResponseUrlRefused(logger, responseUrl?.IdnHost ?? "(none)");
        }
        else
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
        [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {Kind} from workspace {TeamId}: NormBot is not installed there")]
        public static partial void NotInstalled(ILogger logger, string kind, string teamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read {EventType} {EventId} at {Path}; skipped")]
        public static partial void Unreadable(ILogger logger, string eventType, string eventId, string path);

        [LoggerMessage(Level = LogLevel.Debug, Message = "No handler for event type {Type}")]
        public static partial void Ignored(ILogger logger, string type);

        [LoggerMessage(Level = LogLevel.Warning, Message = "No handler for action {ActionId}")]
        public static partial void UnknownAction(ILogger logger, string actionId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Slash command reply not sent: its response_url points at {Host}, not Slack")]
        public static partial void ResponseUrlRefused(ILogger logger, string host);

        [LoggerMessage(Level = LogLevel.Information, Message = "Slash command reply sent to response_url late: HTTP {Status}")]
        public static partial void LateReply(ILogger logger, int status);
    }
}
