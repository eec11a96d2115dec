using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Builds the message object Slack stores for a bot-token post, validating text/blocks/attachments.</summary>
internal static class BotMessages
{
    public static readonly HashSet<string> UpdateEchoFields = new(StringComparer.Ordinal)
    {
        "bot_id", "type", "text", "user", "team", "bot_profile", "edited", "app_id", "metadata", "blocks", "attachments",
    };

    public static JsonObject Build(ApiArgs args, SlackWorkspace workspace)
    {
        var text = args.Str("text");
        var blocks = args.Json("blocks");
        var attachments = args.Json("attachments");
        if (blocks is not null and not JsonArray)
        {
            throw new SlackApiException("invalid_blocks");
        }

        if (attachments is not null and not JsonArray)
        {
            throw new SlackApiException("invalid_attachments");
        }

        if (string.IsNullOrEmpty(text) && blocks is null && attachments is null)
        {
            throw new SlackApiException("no_text");
        }

        var message = new JsonObject
        {
            ["type"] = "message",
            ["user"] = workspace.BotUserId,
            ["bot_id"] = workspace.BotId,
            ["app_id"] = workspace.Options.AppId,
            ["text"] = text ?? string.Empty,
            ["team"] = workspace.TeamId,
            ["bot_profile"] = new JsonObject { ["id"] = workspace.BotId, ["app_id"] = workspace.Options.AppId, ["name"] = workspace.BotUserName, ["deleted"] = false, ["team_id"] = workspace.TeamId },
        };
        if (blocks is not null)
        {
            message["blocks"] = blocks;
        }

        if (attachments is not null)
        {
            message["attachments"] = attachments;
        }

        if (args.Json("metadata") is JsonObject metadata)
        {
            message["metadata"] = metadata;
        }

        return message;
    }
}
