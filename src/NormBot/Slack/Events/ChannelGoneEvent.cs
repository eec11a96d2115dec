namespace NormBot.Slack.Events;

/// <summary>
/// A conversation NormBot can no longer follow: <c>channel_archive</c>, <c>group_archive</c>, <c>channel_deleted</c>,
/// <c>group_deleted</c>, <c>channel_left</c> or <c>group_left</c> (the last two are sent to the bot about itself).
/// </summary>
public sealed record ChannelGoneEvent(string? Type, string? Channel);
