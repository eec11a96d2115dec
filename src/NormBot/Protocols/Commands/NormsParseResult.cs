namespace NormBot.Protocols.Commands;

/// <summary>What <see cref="NormsCommandParser.Parse"/> returns: a <see cref="NormsCommand"/> or a <see cref="NormsParseError"/>.</summary>
public abstract record NormsParseResult;

/// <summary>One line saying what is wrong, and the usage of the subcommand (PRODUCT §7).</summary>
public sealed record NormsParseError(string Message, string Usage) : NormsParseResult
{
    public override string ToString() => $"{Message}\n{Usage}";
}
