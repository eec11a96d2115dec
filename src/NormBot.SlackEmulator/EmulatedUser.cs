namespace NormBot.SlackEmulator;

/// <summary>A seeded workspace member as users.info will describe it.</summary>
public sealed record EmulatedUser(
    string Id,
    string Name,
    string Tz,
    bool IsAdmin,
    bool IsOwner,
    bool IsBot)
{
    public string RealName { get; init; } = Name;

    /// <summary>Deactivated: users.info and users.list say <c>deleted: true</c>.</summary>
    public bool Deleted { get; init; }
}
