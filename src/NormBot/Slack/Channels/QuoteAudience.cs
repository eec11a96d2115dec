namespace NormBot.Slack.Channels;

/// <summary>Who will read a quote: everyone in a channel (a digest), or one person (an ephemeral reply, a DM, the Home tab).</summary>
public sealed record QuoteAudience(string? ChannelId, string? UserId)
{
    public static QuoteAudience Channel(string channelId) => new(channelId, null);

    public static QuoteAudience Person(string userId) => new(null, userId);
}
