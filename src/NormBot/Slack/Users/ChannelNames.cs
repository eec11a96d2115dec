using System.Collections.Concurrent;
using NormBot.Slack.Api;

namespace NormBot.Slack.Users;

/// <summary>Channel names for text that cannot render a <c>&lt;#C123&gt;</c> mention (button labels).</summary>
public sealed class ChannelNames(ISlackApi slack)
{
    private readonly ConcurrentDictionary<string, string> _names = new();

    public async Task<string> NameAsync(string channelId, CancellationToken ct)
    {
        if (_names.TryGetValue(channelId, out var name))
        {
            return name;
        }

        try
        {
            name = (await slack.GetConversationInfoAsync(channelId, ct)).Name ?? channelId;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or SlackRateLimitedException)
        {
            return channelId;
        }

        _names[channelId] = name;
        return name;
    }
}
