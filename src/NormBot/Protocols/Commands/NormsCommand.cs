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

/// <summary><c>preview set …</c>: <see cref="Change"/> is what <c>set</c> would do; nothing is stored.</summary>
public sealed record PreviewCommand(SetCommand Change) : NormsCommand
{
    public override string Name => "preview";
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
public sealed record DigestScheduleCommand(SlackRef Target, DigestSchedule Schedule, IReadOnlyList<SlackRef> Channels, bool Live = false) : NormsCommand
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

/// <summary><c>my-hours 10:00-18:00 [days] [zone]</c>; null <see cref="Hours"/>: show what applies to you now.</summary>
public sealed record MyHoursCommand(WorkingHours? Hours, WorkingDays? Days, TimeZoneInfo? TimeZone) : NormsCommand
{
    public override string Name => "my-hours";
}

public sealed record MyHoursOffCommand : NormsCommand
{
    public override string Name => "my-hours";
}

/// <summary><c>away &lt;date|duration&gt; ["note"]</c>: a date is the day you are back; a duration counts clock time, as snooze does.</summary>
public sealed record AwayCommand(DateOnly? BackOn, TimeSpan? For, string? Note) : NormsCommand
{
    public override string Name => "away";
}

public sealed record BackCommand : NormsCommand
{
    public override string Name => "back";
}

/// <summary><see cref="Channel"/> null means the whole workspace.</summary>
public sealed record HolidayAddCommand(DateOnly First, DateOnly Last, string HolidayName, SlackRef? Channel) : NormsCommand
{
    public override string Name => "holiday";
}

public sealed record HolidayRemoveCommand(DateOnly Day, SlackRef? Channel) : NormsCommand
{
    public override string Name => "holiday";
}

public sealed record HolidaysCommand(SlackRef? Channel) : NormsCommand
{
    public override string Name => "holidays";
}
