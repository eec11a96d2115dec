using NormBot.Slack.Api;
using NormBot.Slack.Leaving;
using Quartz;

namespace NormBot.Digests;

/// <summary>Posts one scheduled digest. Thin: reads primitives from the job data and calls <see cref="DigestService"/>.</summary>
[DisallowConcurrentExecution]
public sealed partial class DigestJob(DigestService digests, SlackGone gone, ILogger<DigestJob> logger) : IJob
{
    public const string Group = "digest";
    public const string TeamIdKey = "teamId";
    public const string TargetKey = "target";
    public const string ChannelsKey = "channels";
    public const string FrequencyKey = "frequency";

    /// <summary>One job (and one trigger of the same name) per target channel, so a new schedule replaces the old.</summary>
    public static JobKey Key(string teamId, string targetChannelId) => new($"{teamId}.{targetChannelId}", Group);

    public static TriggerKey TriggerKeyFor(string teamId, string targetChannelId) => new($"{teamId}.{targetChannelId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var (teamId, target) = (data.GetString(TeamIdKey)!, data.GetString(TargetKey)!);
        try
        {
            await digests.PostAsync(teamId, target, DigestChannels.Split(data.GetString(ChannelsKey)), DigestService.DefaultPeriod(data.GetString(FrequencyKey)), cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Kind is SlackErrorKind.Auth or SlackErrorKind.Permanent)
        {
            // Nothing is lost by skipping: the next digest covers the time since the last one that was posted.
            LogSkipped(logger, teamId, target, ex.Error);
            await gone.RefusedAsync(teamId, ex, target, null, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest of {TeamId} to {Target} not posted ({Error})")]
    private static partial void LogSkipped(ILogger logger, string teamId, string target, string error);
}
