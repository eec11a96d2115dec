using NormBot.Slack.Leaving;

namespace NormBot.Digests;

/// <summary>Digests stop with their workspace, or with the channel they were posted to; audited as turned off by Slack.</summary>
public sealed class DigestsOnLeaving(DigestScheduleStore store, DigestScheduler scheduler) : ISlackGoneListener
{
    /// <summary>Slack's own user id (Slackbot), named in the audit log as who turned the digest off.</summary>
    public const string Slack = "USLACKBOT";

    public async Task ChannelGoneAsync(string teamId, string channelId, CancellationToken ct)
    {
        if (await store.FindAsync(teamId, channelId, ct) is not null)
        {
            await StopAsync(teamId, channelId, ct);
        }
    }

    public async Task WorkspaceGoneAsync(string teamId, CancellationToken ct)
    {
        foreach (var schedule in await store.ForTeamAsync(teamId, ct))
        {
            await StopAsync(teamId, schedule.TargetChannelId, ct);
        }
    }

    private async Task StopAsync(string teamId, string targetChannelId, CancellationToken ct)
    {
        await scheduler.UnscheduleAsync(teamId, targetChannelId, ct);
        await store.DeleteAsync(teamId, targetChannelId, Slack, ct);
    }
}
