namespace NormBot.Protocols;

/// <summary>A time someone is away (PRODUCT §14): from an instant until another, or, with no end, until it changes.</summary>
public readonly record struct AwaySpan(DateTimeOffset From, DateTimeOffset? Until)
{
    public bool Covers(DateTimeOffset at) => From <= at && (Until is not { } until || at < until);
}
