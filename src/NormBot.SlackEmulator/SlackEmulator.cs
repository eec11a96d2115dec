namespace NormBot.SlackEmulator;

/// <summary>A local stand-in for Slack's Web API and Socket Mode.</summary>
public sealed class SlackEmulator;
