namespace NormBot.SlackEmulator;

/// <summary>A seeded workspace member as users.info, users.profile.get and dnd.info will describe it.</summary>
public sealed record EmulatedUser(
    string Id,
    string Name,
    string Tz,
    bool IsAdmin,
    bool IsOwner,
    bool IsBot)
{
    public string RealName { get; init; } = Name;

    public string StatusText { get; init; } = string.Empty;

    /// <summary>With colons, as Slack sends it: <c>:palm_tree:</c>.</summary>
    public string StatusEmoji { get; init; } = string.Empty;

    /// <summary>Unix seconds when the status clears; 0 for never.</summary>
    public long StatusExpiration { get; init; }

    /// <summary>Local time of day notifications start (the end of Do Not Disturb); null when the user has no schedule.</summary>
    public TimeOnly? NotifyFrom { get; init; }

    /// <summary>Local time of day notifications stop (the start of Do Not Disturb).</summary>
    public TimeOnly? NotifyUntil { get; init; }

    /// <summary>Deactivated: users.info and users.list say <c>deleted: true</c>.</summary>
    public bool Deleted { get; init; }
}
