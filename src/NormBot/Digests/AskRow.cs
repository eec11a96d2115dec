namespace NormBot.Digests;

/// <summary>
/// An ask as the digest sees it; instants are Unix milliseconds. <see cref="AssigneeId"/> is set when the ask waited on
/// one person: its reply time counts in their working time.
/// </summary>
public sealed record AskRow(
    string ChannelId, string Ts, string AskerId, string Excerpt, string State, long OpenedAt, long? FirstReplyAt, long? ResolvedAt, string? AssigneeId = null)
{
    /// <summary>When it was first answered: the first reply, or the ✅ / button that resolved it as answered.</summary>
    public long? AnsweredAt => FirstReplyAt ?? (State == "answered" ? ResolvedAt : null);

    /// <summary>Open at <paramref name="instantMs"/>: posted before it and not yet resolved then.</summary>
    public bool IsOpenAt(long instantMs) =>
        State != "deleted" && OpenedAt < instantMs && (ResolvedAt is { } resolved ? resolved >= instantMs : State == "open");
}
