namespace NormBot.Protocols.Commands;

public enum NormsTokenKind
{
    Word,
    Quoted,
    Ref,
}

/// <summary>One argument of a <c>/norms</c> command; <see cref="Ref"/> is set for user, group and channel references.</summary>
public sealed record NormsToken(NormsTokenKind Kind, string Text, SlackRef? Ref = null)
{
    public bool IsChannel => Ref is { Kind: SlackRefKind.Channel };

    public bool Is(string word) => Kind == NormsTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The token as it should appear inside a value: references in canonical form, words as typed.</summary>
    public string ValueText => Ref?.ToString() ?? Text;
}
