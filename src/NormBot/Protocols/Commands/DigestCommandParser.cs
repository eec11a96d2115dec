namespace NormBot.Protocols.Commands;

/// <summary>The <c>digest</c> subcommand, whose schedule forms need a parser of their own.</summary>
internal static class DigestCommandParser
{
    private const string Name = "digest";

    public static NormsParseResult Parse(List<NormsToken> args)
    {
        if (args.Count == 0 || !args[0].IsChannel)
        {
            return NormsCommandParser.Error(Name, args.Count == 0
                ? "Say which channel gets the digest, like #team-leads"
                : $"\"{args[0].Text}\" is not a channel; the digest goes to a channel like #team-leads");
        }

        var target = args[0].Ref!;
        if (args.Count == 1)
        {
            return NormsCommandParser.Error(Name, "Say when: daily HH:MM, weekly mon HH:MM, cron \"...\", off or now");
        }

        var mode = args[1];
        var rest = args.Skip(2).ToList();

        // "live" ends a schedule: one message kept in the target and updated in place (PRODUCT §16).
        var live = rest.Count > 0 && rest[^1].Kind != NormsTokenKind.Quoted && rest[^1].Is("live");
        if (live)
        {
            if (mode.Is("off") || mode.Is("now"))
            {
                return NormsCommandParser.Error(Name, $"\"live\" goes with a schedule, like digest #team-leads daily 09:00 live; not with {mode.Text}");
            }

            rest.RemoveAt(rest.Count - 1);
        }

        if (mode.Is("off"))
        {
            return rest.Count == 0 ? new DigestOffCommand(target) : NormsCommandParser.TooMany(Name, rest[0]);
        }

        if (mode.Is("now"))
        {
            return Channels(rest, out var nowChannels) is { } error ? error : new DigestNowCommand(target, nowChannels);
        }

        if (mode.Is("daily"))
        {
            return WithLive(ParseTimed(target, rest, days: null), live);
        }

        if (mode.Is("weekly"))
        {
            if (rest.Count == 0)
            {
                return NormsCommandParser.Error(Name, "Say which day, like weekly mon 09:00");
            }

            if (!WorkingDays.TryParse(rest[0].Text, out var days, out var dayError))
            {
                return NormsCommandParser.Error(Name, dayError);
            }

            return WithLive(ParseTimed(target, rest.Skip(1).ToList(), days), live);
        }

        if (mode.Is("cron"))
        {
            return WithLive(ParseCron(target, rest), live);
        }

        return NormsCommandParser.Error(Name, $"\"{mode.Text}\" is not a digest schedule; use daily, weekly, cron, off or now");
    }

    private static NormsParseResult WithLive(NormsParseResult parsed, bool live) =>
        live && parsed is DigestScheduleCommand schedule ? schedule with { Live = true } : parsed;

    private static NormsParseResult ParseTimed(SlackRef target, List<NormsToken> rest, WorkingDays? days)
    {
        if (rest.Count == 0)
        {
            return NormsCommandParser.Error(Name, "Say the time of day, like 09:00");
        }

        if (!WorkingHours.TryTime(rest[0].Text, allowMidnightEnd: false, out var time, out var timeError))
        {
            return NormsCommandParser.Error(Name, timeError);
        }

        var schedule = days is null ? DigestSchedule.Daily(time) : DigestSchedule.Weekly(days, time);
        return Channels(rest.Skip(1), out var channels) is { } error ? error : new DigestScheduleCommand(target, schedule, channels);
    }

    private static NormsParseResult ParseCron(SlackRef target, List<NormsToken> rest)
    {
        if (rest.Count == 0 || rest[0].Kind != NormsTokenKind.Quoted)
        {
            return NormsCommandParser.Error(Name, "Put the cron expression in quotes, like cron \"0 0 9 ? * MON-FRI\"");
        }

        var expression = rest[0].Text.Trim();
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is < 6 or > 7)
        {
            return NormsCommandParser.Error(Name, $"\"{expression}\" has {fields} fields; Quartz cron has 6 or 7, seconds first, like \"0 0 9 ? * MON-FRI\"");
        }

        try
        {
            // IsValidExpression only says no; the constructor's message names the field that is wrong.
            _ = new Quartz.CronExpression(expression);
        }
        catch (FormatException ex)
        {
            return NormsCommandParser.Error(Name, $"\"{expression}\" is not a Quartz cron expression: {FirstSentence(ex.Message)}");
        }

        return Channels(rest.Skip(1), out var channels) is { } error
            ? error
            : new DigestScheduleCommand(target, DigestSchedule.Cron(expression), channels);
    }

    // Quartz sometimes appends advice for .NET callers; the first sentence is the part that names the field.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }

    private static NormsParseError? Channels(IEnumerable<NormsToken> tokens, out IReadOnlyList<SlackRef> channels)
    {
        var list = new List<SlackRef>();
        channels = list;
        foreach (var token in tokens)
        {
            if (!token.IsChannel)
            {
                return NormsCommandParser.Error(Name, $"\"{token.Text}\" is not a channel; list the channels to cover, like #a #b");
            }

            if (!list.Contains(token.Ref!))
            {
                list.Add(token.Ref!);
            }
        }

        return null;
    }
}
