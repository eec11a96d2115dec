namespace NormBot.Slack.Events;

/// <summary>The user opened the app's Home (or Messages) tab.</summary>
public sealed record AppHomeOpenedEvent(string? User, string? Channel, string? Tab, string? EventTs);
