using NormBot.Slack.Events;

namespace NormBot.Slack.Handlers;

/// <summary>Handles block actions whose <c>action_id</c> is one of <see cref="ActionIds"/>.</summary>
public interface IBlockActionHandler
{
    IReadOnlyCollection<string> ActionIds { get; }

    Task HandleAsync(BlockActionRequest request, BlockAction action, CancellationToken ct);
}
