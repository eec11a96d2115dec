namespace NormBot.SlackEmulator;

/// <summary>A snapshot of a conversation (public/private channel or DM) held by the workspace.</summary>
public sealed record EmulatedChannel(
    string Id,
    string Name,
    bool IsPrivate,
    bool IsIm,
    string? DmUserId,
    long Created,
    IReadOnlyList<string> MemberIds);
