using NormBot.Slack.Events;

namespace NormBot.Protocols.Commands;

/// <summary><c>set</c> and <c>unset</c>: change a protocol key for the workspace or one channel, and say old → new.</summary>
public sealed class SettingCommands(ProtocolStore store, ProtocolService protocols)
{
    public async Task<NormsReply> SetAsync(SetCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!TryScope(command.Channel, invocation, out var scope, out var error)
            || !TryValue(command.Key, command.Value, invocation, out var value, out error))
        {
            return Refused("set", error);
        }

        var where = SlackRefResolver.Describe(scope);
        var stored = await store.ValuesAsync(invocation.TeamId, scope, ct);
        if (stored.TryGetValue(command.Key, out var current) && current == value)
        {
            return new NormsReply($"{command.Key} for {where} already is {Show(value)}. Nothing changed.");
        }

        var before = await EffectiveAsync(invocation.TeamId, scope, command.Key, ct);
        await store.SetAsync(invocation.TeamId, scope, command.Key, value, invocation.UserId, ct);
        protocols.Invalidate(invocation.TeamId);
        var reach = scope == AuditEntry.WorkspaceScope && !ProtocolKeys.IsWorkspaceOnly(command.Key) ? " (every channel without its own override)" : string.Empty;
        return new NormsReply($"Set {command.Key} for {where}{reach}: {Show(before)} → {Show(value)}");
    }

    public async Task<NormsReply> UnsetAsync(UnsetCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!TryScope(command.Channel, invocation, out var scope, out var error))
        {
            return Refused("unset", error);
        }

        var where = SlackRefResolver.Describe(scope);
        var old = await store.UnsetAsync(invocation.TeamId, scope, command.Key, invocation.UserId, ct);
        if (old is null)
        {
            return new NormsReply(scope == AuditEntry.WorkspaceScope
                ? $"{command.Key} has no workspace setting to remove; it already uses the default. Nothing changed."
                : $"{command.Key} has no override in {where}; it already follows the workspace. Nothing changed.");
        }

        protocols.Invalidate(invocation.TeamId);
        var after = await EffectiveAsync(invocation.TeamId, scope, command.Key, ct);
        var source = scope == AuditEntry.WorkspaceScope ? "the default" : "the workspace value";
        return new NormsReply($"Unset {command.Key} for {where}: {Show(old)} → {Show(after)} ({source})");
    }

    internal static NormsReply Refused(string subcommand, string error) =>
        new($"{char.ToUpperInvariant(error[0])}{error[1..]}. Nothing changed.\n{NormsUsage.For(subcommand)}");

    internal static string Show(string value) => value.Length == 0 ? "none" : value;

    private static bool TryScope(SlackRef? channel, SlashCommand invocation, out string scope, out string error)
    {
        scope = AuditEntry.WorkspaceScope;
        error = string.Empty;
        if (channel is null)
        {
            return true;
        }

        if (!SlackRefResolver.TryChannel(channel, invocation, out var channelId, out error))
        {
            return false;
        }

        scope = channelId;
        return true;
    }

    private static bool TryValue(string key, string value, SlashCommand invocation, out string canonical, out string error)
    {
        canonical = value;
        error = string.Empty;
        if (key is ProtocolKeys.EscalateTo or ProtocolKeys.UrgentChannel)
        {
            if (value.Equals("none", StringComparison.OrdinalIgnoreCase) || value.Length == 0)
            {
                canonical = string.Empty; // Protocol.Resolve reads an empty stored target as "none"
                return true;
            }

            // escalate-to is a list (the parser already checked each part); each hand-typed name is resolved on its own.
            var resolved = new List<string>();
            foreach (var part in value.Split(", ", StringSplitOptions.RemoveEmptyEntries))
            {
                if (!SlackRefResolver.TryTargetValue(part, invocation, out var one, out error))
                {
                    return false;
                }

                resolved.Add(one);
            }

            canonical = string.Join(", ", resolved);
        }

        return true;
    }

    private async Task<string> EffectiveAsync(string teamId, string scope, string key, CancellationToken ct)
    {
        var protocol = await protocols.GetAsync(teamId, scope == AuditEntry.WorkspaceScope ? null : scope, ct);
        return protocol.Values[key];
    }
}
