using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Tests.TestSupport;

/// <summary>A slash-command handler whose reply and delay a test chooses.</summary>
public sealed class ScriptedCommandHandler(Func<SlashCommand, Task<JsonObject?>> reply) : ISlashCommandHandler
{
    public ConcurrentQueue<SlashCommand> Received { get; } = new();

    public async Task<JsonObject?> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        Received.Enqueue(command);
        return await reply(command);
    }
}
