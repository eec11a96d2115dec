using System.Globalization;
using NormBot.Slack.Events;

namespace NormBot.Protocols.Commands;

/// <summary><c>leaders add|remove|list</c> and <c>audit [n]</c>: who may change protocols, and what they changed.</summary>
public sealed class LeaderCommands(LeaderStore leaders, LeaderPolicy policy, AuditLog audit)
{
    public async Task<NormsReply> AddAsync(LeadersAddCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!SlackRefResolver.TryUser(command.User, invocation, out var userId, out var error))
        {
            return SettingCommands.Refused("leaders", error);
        }

        return await leaders.AddAsync(invocation.TeamId, userId, invocation.UserId, ct)
            ? new NormsReply($"<@{userId}> is now a leader: they can change protocols, routes and digests.")
            : new NormsReply($"<@{userId}> already is a leader. Nothing changed.");
    }

    public async Task<NormsReply> RemoveAsync(LeadersRemoveCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!SlackRefResolver.TryUser(command.User, invocation, out var userId, out var error))
        {
            return SettingCommands.Refused("leaders", error);
        }

        var removed = await leaders.RemoveAsync(invocation.TeamId, userId, invocation.UserId, ct);
        var still = policy.IsConfiguredLeader(userId)
            ? " They stay a leader through the Norms:Leaders setting."
            : await policy.IsAdminOrOwnerAsync(invocation.TeamId, userId, ct) ? " They stay a leader as a workspace admin or owner." : string.Empty;
        return removed
            ? new NormsReply($"<@{userId}> is no longer an added leader.{still}")
            : new NormsReply($"<@{userId}> was not an added leader. Nothing changed.{still}");
    }

    public async Task<NormsReply> ListAsync(SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var configured = policy.ConfiguredLeaders;
        var added = await leaders.AllAsync(invocation.TeamId, ct);
        var lines = new List<string> { "*Leaders* — workspace admins and owners are always leaders." };
        lines.Add("Configured (Norms:Leaders): " + Mentions(configured));
        lines.Add("Added with /norms leaders add: " + Mentions(added));
        return new NormsReply(string.Join('\n', lines));
    }

    public async Task<NormsReply> AuditAsync(AuditCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        var entries = await audit.LatestAsync(invocation.TeamId, command.Count, ct);
        if (entries.Count == 0)
        {
            return new NormsReply("No protocol changes recorded yet.");
        }

        var lines = new List<string> { $"*Last {entries.Count} change{(entries.Count == 1 ? "" : "s")}*, newest first (times in UTC)" };
        lines.AddRange(entries.Select(Line));
        return new NormsReply(string.Join('\n', lines));
    }

    private static string Line(AuditEntry e)
    {
        var when = e.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var what = e.Action.StartsWith("leaders", StringComparison.Ordinal) ? e.Action : $"{e.Action} {e.SettingKey}";
        var scope = e.Scope == AuditEntry.WorkspaceScope ? "workspace" : $"<#{e.Scope}>";
        return $"• {when} <@{e.UserId}> {what} ({scope}): {Value(e.OldValue, e)} → {Value(e.NewValue, e)}";
    }

    // A null side means "nothing stored at this scope", which for a key means it followed the layer below.
    private static string Value(string? value, AuditEntry e) => value switch
    {
        null when e.Action.StartsWith("leaders", StringComparison.Ordinal) => "—",
        null when e.Action is "set" or "unset" => e.Scope == AuditEntry.WorkspaceScope ? "(default)" : "(workspace value)",
        null => "(none)",
        "" => "none",
        _ when e.Action.StartsWith("leaders", StringComparison.Ordinal) => $"<@{value}>",
        _ => value,
    };

    private static string Mentions(IEnumerable<string> users)
    {
        var list = users.Select(u => $"<@{u}>").ToList();
        return list.Count == 0 ? "nobody" : string.Join(", ", list);
    }
}
