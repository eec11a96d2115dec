using System.Text.Json;
using System.Text.Json.Nodes;
using NormBot.Slack.Blocks;

namespace NormBot.Protocols.Commands;

/// <summary>What <c>/norms</c> answers: ephemeral text, with Block Kit where it reads better.</summary>
public sealed record NormsReply(string Text, IReadOnlyList<Block>? Blocks = null)
{
    /// <summary>The Slack message JSON for the HTTP response, the Socket Mode ack or a response_url.</summary>
    public JsonObject ToSlackMessage()
    {
        var message = new JsonObject { ["response_type"] = "ephemeral", ["text"] = Text };
        if (Blocks is { Count: > 0 })
        {
            message["blocks"] = JsonSerializer.SerializeToNode(Blocks, Slack.Api.SlackApiJson.Options);
        }

        return message;
    }
}
