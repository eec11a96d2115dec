namespace NormBot.Slack.Events;

/// <summary>A <c>reaction_removed</c> event: someone took a reaction back.</summary>
public sealed record ReactionRemovedEvent(string? User, string? Reaction, string? ItemUser, ReactionItem? Item, string? EventTs);
