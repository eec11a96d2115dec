namespace NormBot.Slack.Api;

/// <summary>Links are a convenience in a message: when Slack cannot give one, the message goes out without it.</summary>
public static class Permalinks
{
    /// <summary><c>chat.getPermalink</c>, or null when Slack refuses, fails or rate-limits the call.</summary>
    public static async Task<string?> PermalinkOrNullAsync(this ISlackApi slack, string channel, string ts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slack);
        try
        {
            return await slack.GetPermalinkAsync(channel, ts, ct);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            return null;
        }
    }
}
