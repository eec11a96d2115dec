namespace NormBot.Protocols.Commands;

/// <summary>
/// A parsed <c>/norms</c> subcommand. The subcommands are a closed set, so they live together in this file
/// like the cases of a union: reading them side by side is the quickest way to see the whole command.
/// </summary>
public abstract record NormsCommand : NormsParseResult
{
    /// <summary>The subcommand word, e.g. <c>set</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Only workspace admins/owners and leaders may run it (PRODUCT §7).</summary>
    public bool IsLeaderOnly => NormsUsage.IsLeaderOnly(Name);
}

/// <summary><c>help [subcommand]</c>; also what empty text means.</summary>
public sealed record HelpCommand(string? Topic = null) : NormsCommand
{
    public override string Name => "help";
}

public sealed record ShowCommand(SlackRef? Channel) : NormsCommand
{
    public override string Name => "show";
}

public sealed record StatsCommand(SlackRef? Channel, int PeriodDays) : NormsCommand
{
    public override string Name => "stats";
}

/// <summary><c>snooze 1d</c>; a day is a working day, as everywhere in NormBot.</summary>
public sealed record SnoozeCommand(NormDuration Duration) : NormsCommand
{
    public override string Name => "snooze";
}

public sealed record SnoozeOffCommand : NormsCommand
{
    public override string Name => "snooze";
}

/// <summary><see cref="Value"/> is already validated and canonical; <see cref="Channel"/> null means workspace-wide.</summary>
public sealed record SetCommand(string Key, string Value, SlackRef? Channel) : NormsCommand
{
    public override string Name => "set";
}

public sealed record UnsetCommand(string Key, SlackRef? Channel) : NormsCommand
{
    public override string Name => "unset";
}

public sealed record RouteCommand(TopicRoute Route) : NormsCommand
{
    public override string Name => "route";
}

public sealed record UnrouteCommand(string Topic) : NormsCommand
{
    public override string Name => "unroute";
}

/// <summary>An empty <see cref="Channels"/> leaves the choice of covered channels to the digest feature.</summary>
public sealed record DigestScheduleCommand(SlackRef Target, DigestSchedule Schedule, IReadOnlyList<SlackRef> Channels) : NormsCommand
{
    public override string Name => "digest";
}

public sealed record DigestOffCommand(SlackRef Target) : NormsCommand
{
    public override string Name => "digest";
}

public sealed record DigestNowCommand(SlackRef Target, IReadOnlyList<SlackRef> Channels) : NormsCommand
{
    public override string Name => "digest";
}

public sealed record LeadersAddCommand(SlackRef User) : NormsCommand
{
    public override string Name => "leaders";
}

public sealed record LeadersRemoveCommand(SlackRef User) : NormsCommand
{
    public override string Name => "leaders";
}

public sealed record LeadersListCommand : NormsCommand
{
    public override string Name => "leaders";
}

public sealed record AuditCommand(int Count) : NormsCommand
{
    public override string Name => "audit";
}
