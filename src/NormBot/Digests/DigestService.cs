using NormBot.Slack.Api;
using NormBot.Slack.Channels;

namespace NormBot.Digests;

/// <summary>Posts digests: the period since the previous digest to the same target, or a default period before the first.</summary>
public sealed class DigestService(DigestReporter reporter, DigestScheduleStore store, ISlackClients slack, TimeProvider time)
{
    public const string Title = "Async norms digest";

    /// <summary>Builds and posts one digest to <paramref name="targetChannelId"/>; returns the posted message's ts.</summary>
    public async Task<string> PostAsync(string teamId, string targetChannelId, IReadOnlyList<string> channelIds, TimeSpan defaultPeriod, CancellationToken ct)
    {
        var to = time.GetUtcNow();
        var from = await store.LastPeriodEndAsync(teamId, targetChannelId, ct) is { } last && last < to ? last : to - defaultPeriod;
        var report = await reporter.BuildAsync(teamId, channelIds, from, to, QuoteAudience.Channel(targetChannelId), ct);
        var posted = await slack.For(teamId).PostMessageAsync(new PostMessage(targetChannelId, DigestBlocks.Fallback(report, Title), DigestBlocks.Render(report, Title)), ct);
        await store.RecordPostingAsync(teamId, targetChannelId, time.GetUtcNow(), to, posted.Ts, ct);
        return posted.Ts;
    }

    /// <summary>The default period of a schedule: a week for weekly digests, a day otherwise.</summary>
    public static TimeSpan DefaultPeriod(string? frequency) =>
        string.Equals(frequency, "weekly", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
}
