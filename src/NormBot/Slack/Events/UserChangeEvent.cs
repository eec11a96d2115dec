using NormBot.Slack.Api;

namespace NormBot.Slack.Events;

/// <summary>A <c>user_change</c> event: someone's profile changed (status, time zone, ...); it carries the whole user.</summary>
public sealed record UserChangeEvent(SlackUser? User, string? EventTs);
