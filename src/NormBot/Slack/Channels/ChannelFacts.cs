namespace NormBot.Slack.Channels;

/// <summary>What NormBot knows of a channel's readers: private (or a DM), and shared with another organisation.</summary>
public sealed record ChannelFacts(bool IsPrivate, bool IsExtShared)
{
    /// <summary>When Slack cannot say: assume the worst for both.</summary>
    public static ChannelFacts Unknown { get; } = new(true, true);
}
