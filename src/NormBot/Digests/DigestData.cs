namespace NormBot.Digests;

/// <summary>Rows of asks, decisions and nudges, as <see cref="PeriodFigures.Compute"/> works figures out of them one by one.</summary>
public sealed record DigestData(IReadOnlyList<AskRow> Asks, IReadOnlyList<DecisionRow> Decisions, IReadOnlyList<NudgeRow> Nudges);

public sealed record DecisionRow(string ChannelId, string Ts, string UserId, long At, string Excerpt);

/// <summary><see cref="Observed"/>: decided in observe mode, recorded and not sent (PRODUCT §16).</summary>
public sealed record NudgeRow(string ChannelId, string Rule, long At, bool Observed = false);
