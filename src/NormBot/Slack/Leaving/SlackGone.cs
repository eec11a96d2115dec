using NormBot.Slack.Api;
using NormBot.Slack.Installations;
using NormBot.Slack.Outbox;

namespace NormBot.Slack.Leaving;

/// <summary>Tells every feature that a channel, a person or a workspace is gone; for a workspace, removes the app's installation first.</summary>
public sealed partial class SlackGone(
    IEnumerable<ISlackGoneListener> listeners, InstallationDirectory installations, SlackOutbox outbox, ILogger<SlackGone> logger)
{
    public async Task ChannelAsync(string teamId, string channelId, string why, CancellationToken ct)
    {
        Log.ChannelGone(logger, teamId, channelId, why);
        foreach (var listener in listeners)
        {
            await listener.ChannelGoneAsync(teamId, channelId, ct);
        }
    }

    public async Task UserAsync(string teamId, string userId, string why, CancellationToken ct)
    {
        Log.UserGone(logger, teamId, userId, why);
        foreach (var listener in listeners)
        {
            await listener.UserGoneAsync(teamId, userId, ct);
        }
    }

    /// <summary>
    /// Slack refused a call for good (PRODUCT §12): the channel or person the error is about, of those the call named,
    /// stops being tracked. A DM goes to a user id, so a "channel" error there is about the person.
    /// </summary>
    public Task RefusedAsync(string teamId, SlackApiException failure, string? channel, string? user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var isDm = channel is not null && (channel.StartsWith('U') || channel.StartsWith('W'));
        return failure.Target switch
        {
            SlackErrorTarget.Channel when isDm => UserAsync(teamId, channel!, failure.Error, ct),
            SlackErrorTarget.Channel when channel is not null => ChannelAsync(teamId, channel, failure.Error, ct),
            SlackErrorTarget.User when (user ?? (isDm ? channel : null)) is { } person => UserAsync(teamId, person, failure.Error, ct),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Uninstalled or revoked: no Web API call is made for the workspace again, and nothing queued for it is sent.</summary>
    public async Task WorkspaceAsync(string teamId, string why, CancellationToken ct)
    {
        await installations.RemoveAsync(teamId, ct);
        var dropped = await outbox.DropPendingAsync(teamId, ct);
        Log.WorkspaceGone(logger, teamId, why, dropped);
        foreach (var listener in listeners)
        {
            await listener.WorkspaceGoneAsync(teamId, ct);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} of {TeamId} is out of reach ({Why}); its open asks are closed")]
        public static partial void ChannelGone(ILogger logger, string teamId, string channelId, string why);

        [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} of {TeamId} cannot be reached ({Why}); asks stop waiting on them")]
        public static partial void UserGone(ILogger logger, string teamId, string userId, string why);

        [LoggerMessage(Level = LogLevel.Warning, Message = "NormBot was removed from workspace {TeamId} ({Why}): installation deleted, {Dropped} queued messages dropped, its jobs stopped")]
        public static partial void WorkspaceGone(ILogger logger, string teamId, string why, int dropped);
    }
}
