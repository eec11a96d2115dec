namespace NormBot.Norms.Classification;

/// <summary>
/// Whether a message is an ask (PRODUCT §13) and of whom: named people, user groups, or anyone in the channel.
/// <see cref="Reason"/> says which reading decided it, in words a Why? can show.
/// </summary>
public sealed record AskVerdict(bool IsAsk, IReadOnlyList<string> Users, IReadOnlyList<string> Groups, bool Anyone, string Reason)
{
    public static AskVerdict NotAnAsk(string reason) => new(false, [], [], false, reason);
}
