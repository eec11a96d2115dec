namespace NormBot.Slack.Events;

/// <summary>Someone left or was removed from a channel; it matters when that someone is the bot.</summary>
public sealed record MemberLeftChannelEvent(string? User, string? Channel, string? ChannelType);
