using Quartz;

namespace NormBot.Digests;

/// <summary>Posts one scheduled digest. Thin: reads primitives from the job data and calls <see cref="DigestService"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestService digests) : IJob
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
        await digests.PostAsync(
            data.GetString(TeamIdKey)!,
            data.GetString(TargetKey)!,
            DigestChannels.Split(data.GetString(ChannelsKey)),
            DigestService.DefaultPeriod(data.GetString(FrequencyKey)),
            cancellationToken);
    }
}
