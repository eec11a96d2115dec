namespace NormBot.Slack.Events;

/// <summary>Someone joined a channel the bot is in (or the bot itself joined one).</summary>
public sealed record MemberJoinedChannelEvent(string? User, string? Channel, string? ChannelType, string? Inviter);
