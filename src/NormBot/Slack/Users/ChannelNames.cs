using System.Collections.Concurrent;
using NormBot.Slack.Api;

namespace NormBot.Slack.Users;

/// <summary>Channel names for text that cannot render a <c>&lt;#C123&gt;</c> mention (button labels).</summary>
public sealed class ChannelNames(ISlackClients slack)
{
    private readonly ConcurrentDictionary<(string Team, string Channel), string> _names = new();

    public async Task<string> NameAsync(string teamId, string channelId, CancellationToken ct)
    {
        if (_names.TryGetValue((teamId, channelId), out var name))
        {
            return name;
        }

        try
        {
            name = (await slack.For(teamId).GetConversationInfoAsync(channelId, ct)).Name ?? channelId;
        }
        catch (SlackApiException)
        {
            return channelId;
        }

        _names[(teamId, channelId)] = name;
        return name;
    }
}
