namespace NormBot.Slack.Events;

/// <summary>A <c>subteam_members_changed</c> event: people joined or left a user group.</summary>
public sealed record SubteamMembersChangedEvent(string? SubteamId, string? TeamId, IReadOnlyList<string>? AddedUsers, IReadOnlyList<string>? RemovedUsers);
