using NormBot.Slack.Outbox;

namespace NormBot.Norms.Nudges;

/// <summary>
/// One nudge to send: to whom, under which rule, about which message, and the Slack message itself.
/// <see cref="EffectKey"/> makes it happen at most once, however often the deciding event is replayed.
/// <see cref="Observe"/> (the channel's <c>mode observe</c>) records it as "would have nudged" and sends nothing.
/// </summary>
public sealed record Nudge(
    string TeamId, string UserId, string Rule, string ChannelId, string MessageTs, string EffectKey, OutboxMessage Message,
    int DailyLimit, DateTimeOffset? NotBefore = null, string? Detail = null, bool Observe = false)
{
    public const string Context = "context";
    public const string Misroute = "misroute";
    public const string Overdue = "overdue";
    public const string Escalation = "escalation";
    public const string Unanswered = "unanswered";
}
