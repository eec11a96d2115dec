namespace NormBot.Protocols;

/// <summary>One recorded change: who changed what, where, from what to what.</summary>
public sealed record AuditEntry(
    string TeamId, string Id, long At, string UserId, string Action, string SettingKey, string Scope, string? OldValue, string? NewValue)
{
    public const string WorkspaceScope = "*";

    public DateTimeOffset When => DateTimeOffset.FromUnixTimeMilliseconds(At);
}
