namespace NormBot.Slack.Leaving;

/// <summary>
/// A feature's part when Slack says something is out of reach (PRODUCT §12): a channel archived, deleted or left by the
/// bot, a person who cannot be messaged, or the whole workspace uninstalled. Stop tracking it; never call Slack here.
/// </summary>
public interface ISlackGoneListener
{
    Task ChannelGoneAsync(string teamId, string channelId, CancellationToken ct) => Task.CompletedTask;

    Task UserGoneAsync(string teamId, string userId, CancellationToken ct) => Task.CompletedTask;

    Task WorkspaceGoneAsync(string teamId, CancellationToken ct) => Task.CompletedTask;
}
