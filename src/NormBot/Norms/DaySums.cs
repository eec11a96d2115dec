namespace NormBot.Norms;

/// <summary>
/// One channel's sums over a day or a period (<see cref="ChannelDays"/>). <see cref="Asks"/> counts every ask recorded,
/// <see cref="Deleted"/> those since deleted; the sums of opening and first-reply instants give an exact mean time to a
/// first reply at any "now" (the Home tab's ranking). Settable properties: Dapper reads them from either store.
/// </summary>
public sealed record DaySums
{
    public string TeamId { get; init; } = "";

    public string ChannelId { get; init; } = "";

    public long Day { get; init; }

    public long Asks { get; init; }

    public long Deleted { get; init; }

    public long OpenedSum { get; init; }

    public long Replied { get; init; }

    public long RepliedSum { get; init; }

    public long Decisions { get; init; }

    /// <summary>Asks opened and not deleted: what the digest counts.</summary>
    public long Opened => Asks - Deleted;

    public DaySums Plus(DaySums other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Asks = Asks + other.Asks, Deleted = Deleted + other.Deleted, OpenedSum = OpenedSum + other.OpenedSum,
            Replied = Replied + other.Replied, RepliedSum = RepliedSum + other.RepliedSum, Decisions = Decisions + other.Decisions,
        };
    }
}
