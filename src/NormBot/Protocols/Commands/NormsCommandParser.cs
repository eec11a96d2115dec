using System.Globalization;

namespace NormBot.Protocols.Commands;

/// <summary>Turns the text after <c>/norms</c> into a <see cref="NormsCommand"/> or one clear error (PRODUCT §7).</summary>
public static class NormsCommandParser
{
    public static NormsParseResult Parse(string? text)
    {
        if (!NormsTokenizer.TryTokenize(text, out var tokens, out var tokenError))
        {
            var first = (text ?? string.Empty).Trim().Split(' ', 2)[0];
            return new NormsParseError(tokenError, NormsUsage.For(first));
        }

        if (tokens.Count == 0)
        {
            return new HelpCommand();
        }

        var name = tokens[0].Text.ToLowerInvariant();
        var args = tokens.Skip(1).Where(t => !t.Is(",")).ToList();
        return name switch
        {
            "help" or "?" => ParseHelp(args),
            "show" => ParseShow(args),
            "stats" => ParseStats(args),
            "snooze" => ParseSnooze(args),
            "set" => ProtocolCommandParser.ParseSet(tokens.Skip(1).ToList()),
            "unset" => ProtocolCommandParser.ParseUnset(args),
            "preview" => ParsePreview(tokens.Skip(1).ToList()),
            "route" => ProtocolCommandParser.ParseRoute(tokens.Skip(1).ToList()),
            "unroute" => ProtocolCommandParser.ParseUnroute(args),
            "digest" => DigestCommandParser.Parse(args),
            "leaders" => ParseLeaders(args),
            "audit" => ParseAudit(args),
            "my-hours" => PeopleCommandParser.ParseMyHours(args),
            "away" => PeopleCommandParser.ParseAway(args),
            "back" => PeopleCommandParser.ParseBack(args),
            "holiday" => PeopleCommandParser.ParseHoliday(args),
            "holidays" => PeopleCommandParser.ParseHolidays(args),
            _ => new NormsParseError(
                $"\"{tokens[0].Text}\" is not a /norms subcommand.{DidYouMean.Suffix(name, NormsUsage.SubcommandNames)} Try /norms help",
                NormsUsage.For(string.Empty)),
        };
    }

    internal static NormsParseError Error(string subcommand, string message) => new(message, NormsUsage.For(subcommand));

    internal static NormsParseError TooMany(string subcommand, NormsToken extra) =>
        Error(subcommand, $"\"{extra.Text}\" is not expected here");

    private static NormsParseResult ParseHelp(List<NormsToken> args) =>
        args.Count switch
        {
            0 => new HelpCommand(),
            1 when NormsUsage.IsKnown(args[0].Text) => new HelpCommand(args[0].Text.ToLowerInvariant()),
            1 => Error("help", $"\"{args[0].Text}\" is not a /norms subcommand.{DidYouMean.Suffix(args[0].Text, NormsUsage.SubcommandNames)}"),
            _ => TooMany("help", args[1]),
        };

    private static NormsParseResult ParseShow(List<NormsToken> args) =>
        args switch
        {
            [] => new ShowCommand(null),
            [{ IsChannel: true } channel] => new ShowCommand(channel.Ref),
            [var other] => Error("show", $"\"{other.Text}\" is not a channel; use a channel like #general"),
            [_, var extra, ..] => TooMany("show", extra),
        };

    private static NormsParseResult ParseStats(List<NormsToken> args)
    {
        SlackRef? channel = null;
        int? period = null;
        foreach (var arg in args)
        {
            if (arg.IsChannel && channel is null)
            {
                channel = arg.Ref;
            }
            else if (period is null && (arg.Is("7d") || arg.Is("30d")))
            {
                period = arg.Is("7d") ? 7 : 30;
            }
            else
            {
                return Error("stats", $"\"{arg.Text}\" is not a channel or a period; use a channel like #general and 7d or 30d");
            }
        }

        return new StatsCommand(channel, period ?? 7);
    }

    private static NormsParseResult ParseSnooze(List<NormsToken> args)
    {
        if (args.Count == 0)
        {
            return Error("snooze", "Say how long to snooze, like 1h or 1d, or off");
        }

        if (args.Count > 1)
        {
            return TooMany("snooze", args[1]);
        }

        if (args[0].Is("off"))
        {
            return new SnoozeOffCommand();
        }

        if (!NormDuration.TryParse(args[0].Text, out var duration, out var error))
        {
            return Error("snooze", error);
        }

        return duration.IsZero || duration.WorkingDays > 30
            ? Error("snooze", $"\"{args[0].Text}\" is not a snooze length; use from 1m up to 30d, or off")
            : new SnoozeCommand(duration);
    }

    private static NormsParseResult ParseLeaders(List<NormsToken> args) =>
        args switch
        {
            [var list] when list.Is("list") => new LeadersListCommand(),
            [var verb, { Ref.Kind: SlackRefKind.User } user] when verb.Is("add") => new LeadersAddCommand(user.Ref!),
            [var verb, { Ref.Kind: SlackRefKind.User } user] when verb.Is("remove") => new LeadersRemoveCommand(user.Ref!),
            [var verb, var other] when verb.Is("add") || verb.Is("remove") => Error("leaders", $"\"{other.Text}\" is not a person; use @someone"),
            [var verb] when verb.Is("add") || verb.Is("remove") => Error("leaders", $"Say who to {verb.Text.ToLowerInvariant()}, like @ana"),
            [var verb, _, var extra, ..] when verb.Is("add") || verb.Is("remove") => TooMany("leaders", extra),
            [] => Error("leaders", "Say add, remove or list"),
            [var verb, ..] => Error("leaders", $"\"{verb.Text}\" is not add, remove or list"),
        };

    private static NormsParseResult ParseAudit(List<NormsToken> args)
    {
        if (args.Count == 0)
        {
            return new AuditCommand(20);
        }

        if (args.Count > 1)
        {
            return TooMany("audit", args[1]);
        }

        return int.TryParse(args[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100
            ? new AuditCommand(n)
            : Error("audit", $"\"{args[0].Text}\" is not a number of entries; use a whole number from 1 to 100");
    }

    private static NormsParseResult ParsePreview(List<NormsToken> args)
    {
        if (args.Count == 0 || !args[0].Is("set"))
        {
            return Error("preview", "Say what to try, like preview set response-time 1h #support");
        }

        return ProtocolCommandParser.ParseSet(args.Skip(1).ToList()) switch
        {
            SetCommand set => new PreviewCommand(set),
            NormsParseError error => Error("preview", error.Message),
            var other => other,
        };
    }
}
