using System.Globalization;
using NormBot.Slack.Api;
using NormBot.Slack.Channels;
using NormBot.Slack.Blocks;

namespace NormBot.Digests;

/// <summary>
/// Posts digests: the period since the previous digest to the same target, or a default period before the first. A live
/// schedule keeps one message and updates it in place; if someone deleted it, the next digest is a new message, kept from then on.
/// </summary>
public sealed class DigestService(DigestReporter reporter, DigestScheduleStore store, ISlackClients slack, TimeProvider time)
{
    public const string Title = "Async norms digest";

    /// <summary>Builds and posts (or, for a live schedule, updates) one digest to <paramref name="targetChannelId"/>; returns the message's ts.</summary>
    public async Task<string> PostAsync(string teamId, string targetChannelId, IReadOnlyList<string> channelIds, TimeSpan defaultPeriod, CancellationToken ct)
    {
        var to = time.GetUtcNow();
        var from = await store.LastPeriodEndAsync(teamId, targetChannelId, ct) is { } last && last < to ? last : to - defaultPeriod;
        var report = await reporter.BuildAsync(teamId, channelIds, from, to, QuoteAudience.Channel(targetChannelId), ct);
        var text = DigestBlocks.Fallback(report, Title);
        var blocks = DigestBlocks.Render(report, Title);
        var api = slack.For(teamId);
        string? ts = null;
        if ((await store.FindAsync(teamId, targetChannelId, ct))?.IsLive == true)
        {
            blocks = [.. blocks, new ContextBlock([TextObject.Markdown(UpdatedAt(to, report.TimeZone))])];
            ts = await UpdateOrNullAsync(api, new UpdateMessage(targetChannelId, await store.LastMessageTsAsync(teamId, targetChannelId, ct) ?? "", text, blocks), ct);
        }

        ts ??= (await api.PostMessageAsync(new PostMessage(targetChannelId, text, blocks), ct)).Ts;
        await store.RecordPostingAsync(teamId, targetChannelId, time.GetUtcNow(), to, ts, ct);
        return ts;
    }

    /// <summary>The default period of a schedule: a week for weekly digests, a day otherwise.</summary>
    public static TimeSpan DefaultPeriod(string? frequency) =>
        string.Equals(frequency, "weekly", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    /// <summary>"Updated Mon 23 Nov 09:00 (Europe/Berlin)": when the live message last changed, in the workspace's zone.</summary>
    public static string UpdatedAt(DateTimeOffset at, TimeZoneInfo zone) =>
        string.Create(CultureInfo.InvariantCulture, $"Updated {TimeZoneInfo.ConvertTime(at, zone):ddd d MMM HH:mm} ({zone.Id}); this message is updated in place.");

    // No message yet, or it was deleted: the caller posts a new one and keeps that.
    private static async Task<string?> UpdateOrNullAsync(ISlackApi api, UpdateMessage update, CancellationToken ct)
    {
        if (update.Ts.Length == 0)
        {
            return null;
        }

        try
        {
            return (await api.UpdateMessageAsync(update, ct)).Ts;
        }
        catch (SlackApiException ex) when (ex.Error is "message_not_found" or "cant_update_message")
        {
            return null;
        }
    }
}
