using NormBot.Digests;

namespace NormBot.Norms.Asks;

/// <summary>An ask about to settle, with its outcome (<see cref="AskSettlements"/>).</summary>
public sealed record Settlement(string TeamId, string ChannelId, string Ts, long OpenedAt, AskOutcome Outcome)
{
    /// <summary>The parameters of the statements that store it, answered at <paramref name="answeredAt"/> (null: closed unanswered).</summary>
    public object Args(long? answeredAt) => new
    {
        TeamId, ChannelId, Ts, At = answeredAt, AnsweredAt = answeredAt, DueAt = Outcome.DueAt.ToUnixTimeMilliseconds(),
        ReplyMs = (long?)Outcome.Reply?.TotalMilliseconds, Within = answeredAt is null ? (long?)null : Outcome.Within ? 1 : 0,
    };
}
