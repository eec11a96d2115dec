namespace NormBot.Slack.Events;

/// <summary>A <c>reaction_added</c> event; only reactions on messages are of interest.</summary>
public sealed record ReactionAddedEvent(string? User, string? Reaction, string? ItemUser, ReactionItem? Item, string? EventTs);

/// <summary>What a reaction was added to.</summary>
public sealed record ReactionItem(string? Type, string? Channel, string? Ts);
