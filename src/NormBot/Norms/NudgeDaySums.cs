namespace NormBot.Norms;

/// <summary>One channel's nudges of one rule over a day: sent, and decided in observe mode.</summary>
public sealed record NudgeDaySums
{
    public string TeamId { get; init; } = "";

    public string ChannelId { get; init; } = "";

    public long Day { get; init; }

    public string Rule { get; init; } = "";

    public long Sent { get; init; }

    public long Observed { get; init; }
}
