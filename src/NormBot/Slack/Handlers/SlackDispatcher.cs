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

        await (envelope.Kind switch
        {
            InboxEnvelope.Event => DispatchEventAsync(envelope.Body, installation, ct),
            InboxEnvelope.Command => DispatchCommandAsync(envelope, ct),
            InboxEnvelope.Interaction => DispatchInteractionAsync(envelope.Body, ct),
            _ => Task.CompletedTask,
        });
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
        var ev = root.GetProperty("event");
        var context = new EventContext(
            root.GetProperty("team_id").GetString() ?? "",
            root.GetProperty("event_id").GetString() ?? "",
            DateTimeOffset.FromUnixTimeSeconds(root.TryGetProperty("event_time", out var t) && t.TryGetInt64(out var s) ? s : 0))
        {
            BotUserId = installation.BotUserId,
        };
        var type = ev.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        switch (type)
        {
            case SlackHandlers.Events.Message:
                await HandleAsync<MessageEvent>(ev, context, ct);
                break;
            case SlackHandlers.Events.ReactionAdded:
                await HandleAsync<ReactionAddedEvent>(ev, context, ct);
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
            default:
                Log.Ignored(logger, type ?? "(none)");
                break;
        }
    }

    private async Task HandleAsync<TEvent>(JsonElement ev, EventContext context, CancellationToken ct)
    {
        var slackEvent = ev.Deserialize<TEvent>(SlackEventJson.Options)!;
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
