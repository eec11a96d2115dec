namespace NormBot.Slack.Api;

/// <summary>What a permanent error is about, so the feature can stop tracking it.</summary>
public enum SlackErrorTarget
{
    None,
    Channel,
    User,
}
