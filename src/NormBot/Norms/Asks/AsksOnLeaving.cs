using NormBot.Slack.Leaving;

namespace NormBot.Norms.Asks;

/// <summary>
/// What can no longer be reached is no longer tracked (PRODUCT §12): asks in a gone channel (or workspace) close without
/// reminders or escalations; a person Slack cannot message is no longer waited on.
/// </summary>
public sealed class AsksOnLeaving(AskStore asks) : ISlackGoneListener
{
    public Task ChannelGoneAsync(string teamId, string channelId, CancellationToken ct) => asks.CloseAllAsync(teamId, channelId, ct);

    public Task UserGoneAsync(string teamId, string userId, CancellationToken ct) => asks.StopWaitingOnAsync(teamId, userId, ct);

    public Task WorkspaceGoneAsync(string teamId, CancellationToken ct) => asks.CloseAllAsync(teamId, null, ct);
}
