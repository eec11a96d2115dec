namespace NormBot.Norms.Classification;

public enum ContextGap
{
    None,
    BareGreeting,
    BarePing,
    ShortQuestion,
}

/// <summary>Whether a message lacks context (PRODUCT §5 rule 1) and, if so, a reason to show the author.</summary>
public sealed record ContextVerdict(ContextGap Gap, string Reason)
{
    public static ContextVerdict Complete { get; } = new(ContextGap.None, string.Empty);

    public bool LacksContext => Gap != ContextGap.None;
}
