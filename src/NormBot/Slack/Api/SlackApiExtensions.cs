namespace NormBot.Slack.Api;

/// <summary>Calls whose failure only costs a nicety, not the message they decorate.</summary>
public static class SlackApiExtensions
{
    /// <summary>The message's permalink, or null when Slack cannot give it now (the message goes out without a link).</summary>
    public static async Task<string?> TryGetPermalinkAsync(this ISlackApi slack, string channelId, string ts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slack);
        try
        {
            return await slack.GetPermalinkAsync(channelId, ts, ct);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            return null;
        }
    }
}
