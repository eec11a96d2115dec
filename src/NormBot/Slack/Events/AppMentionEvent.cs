namespace NormBot.Slack.Events;

/// <summary>The bot was mentioned; the same message also arrives as a <c>message</c> event with another event id.</summary>
public sealed record AppMentionEvent(string? User, string? Text, string? Ts, string? Channel, string? ThreadTs, string? EventTs);
