using System.Text.Json.Nodes;
using NormBot.Slack.Events;

namespace NormBot.Slack.Handlers;

/// <summary>Handles a slash command; returns the reply message (Slack message JSON) or null for a silent ack.</summary>
public interface ISlashCommandHandler
{
    Task<JsonObject?> HandleAsync(SlashCommand command, CancellationToken ct);
}
