namespace NormBot.Slack.Events;

/// <summary>The workspace removed the app; the envelope's team is the workspace.</summary>
public sealed record AppUninstalledEvent(string? Type);
