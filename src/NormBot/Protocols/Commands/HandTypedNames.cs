using NormBot.Slack.Events;
using NormBot.Slack.Users;

namespace NormBot.Protocols.Commands;

/// <summary>
/// Looks up the <c>@name</c> and <c>#name</c> that someone typed by hand in a <c>/norms</c> command (PRODUCT §13), so
/// the subcommands see ids as if the names had been picked from Slack's suggestions. A name that matches nobody is left
/// as typed and the subcommand says it can't find it; a name that matches several people is refused here.
/// </summary>
public sealed class HandTypedNames(WorkspaceNames names)
{
    /// <summary>The command with its names resolved, or an error naming the ambiguous one.</summary>
    public async Task<(NormsCommand Command, string? Error)> ResolveAsync(NormsCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        var lookup = new Lookup(names, invocation.TeamId, ct);
        NormsCommand resolved = command switch
        {
            ShowCommand c => c with { Channel = await lookup.RefAsync(c.Channel) },
            StatsCommand c => c with { Channel = await lookup.RefAsync(c.Channel) },
            SetCommand c => c with { Channel = await lookup.RefAsync(c.Channel), Value = await lookup.TargetAsync(c.Key, c.Value) },
            UnsetCommand c => c with { Channel = await lookup.RefAsync(c.Channel) },
            PreviewCommand c => c with { Change = c.Change with { Channel = await lookup.RefAsync(c.Change.Channel), Value = await lookup.TargetAsync(c.Change.Key, c.Change.Value) } },
            RouteCommand c => c with { Route = c.Route with { Channel = (await lookup.RefAsync(c.Route.Channel))! } },
            DigestScheduleCommand c => c with { Target = (await lookup.RefAsync(c.Target))!, Channels = await lookup.AllAsync(c.Channels) },
            DigestOffCommand c => c with { Target = (await lookup.RefAsync(c.Target))! },
            DigestNowCommand c => c with { Target = (await lookup.RefAsync(c.Target))!, Channels = await lookup.AllAsync(c.Channels) },
            LeadersAddCommand c => c with { User = (await lookup.RefAsync(c.User))! },
            LeadersRemoveCommand c => c with { User = (await lookup.RefAsync(c.User))! },
            _ => command,
        };
        return (resolved, lookup.Error);
    }

    private sealed class Lookup(WorkspaceNames names, string teamId, CancellationToken ct)
    {
        public string? Error { get; private set; }

        public async Task<SlackRef?> RefAsync(SlackRef? typed)
        {
            if (typed is not { IsResolved: false, Name: { } name })
            {
                return typed;
            }

            var ids = typed.Kind == SlackRefKind.Channel ? await names.ChannelsNamedAsync(teamId, name, ct) : await names.UsersNamedAsync(teamId, name, ct);
            if (ids.Count > 1)
            {
                Error ??= $"{typed} matches {ids.Count} {(typed.Kind == SlackRefKind.Channel ? "channels" : "people")}; pick the one you mean from Slack's suggestions as you type";
            }

            return ids.Count != 1 ? typed : typed.Kind == SlackRefKind.Channel ? SlackRef.Channel(ids[0], name) : SlackRef.User(ids[0], name);
        }

        public async Task<IReadOnlyList<SlackRef>> AllAsync(IReadOnlyList<SlackRef> typed)
        {
            var resolved = new List<SlackRef>();
            foreach (var r in typed)
            {
                resolved.Add((await RefAsync(r))!);
            }

            return resolved;
        }

        // escalate-to and urgent-channel carry their target as text ("#incidents", "@lead").
        public async Task<string> TargetAsync(string key, string value) =>
            key is ProtocolKeys.EscalateTo or ProtocolKeys.UrgentChannel && SlackRef.TryParse(value, out var target) && !target.IsResolved
                ? (await RefAsync(target))!.ToString()
                : value;
    }
}
