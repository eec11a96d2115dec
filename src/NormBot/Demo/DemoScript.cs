using System.Globalization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NormBot.Demo;

/// <summary>A scripted day of team chat (<c>Demo/day.yaml</c>): who is on the team, the channels and what happens when.</summary>
public sealed class DemoScript
{
    /// <summary>The day being replayed; a working day so the rules' working hours apply.</summary>
    public string Date { get; set; } = "2026-11-23";

    /// <summary>When the replay stops (UTC), after the last step.</summary>
    public string Until { get; set; } = "17:30";

    public List<DemoPerson> Team { get; set; } = [];

    /// <summary>Channel name to member names; the bot is in every channel.</summary>
    public Dictionary<string, List<string>> Channels { get; set; } = [];

    /// <summary>Seeded as <c>Norms:Defaults:*</c>, so the day works whether or not this build has the /norms handler.</summary>
    public Dictionary<string, string> Defaults { get; set; } = [];

    public List<DemoStep> Day { get; set; } = [];

    public DateTimeOffset Start => At(Day.Count > 0 ? Day[0].At : "09:00");

    public DateTimeOffset End => At(Until);

    public DateTimeOffset At(string time)
    {
        var date = DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clock = TimeOnly.ParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture);
        return new DateTimeOffset(date.ToDateTime(clock), TimeSpan.Zero);
    }

    /// <summary>The start of a day (YYYY-MM-DD) in a time zone, for a status that clears then.</summary>
    public static DateTimeOffset Midnight(string day, string zone)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(date, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(date));
    }

    public static DemoScript Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        DemoScript script;
        try
        {
            script = deserializer.Deserialize<DemoScript>(File.ReadAllText(path)) ?? new DemoScript();
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new DemoException($"{path}: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        script.Check(path);
        return script;
    }

    private void Check(string path)
    {
        var people = Team.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var problems = Team
            .Where(p => p.StatusUntil is { } until && !DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .Select(p => $"{path}: {p.Name}'s status_until must be a date, like 2026-11-25")
            .ToList();
        var last = TimeOnly.MinValue;
        foreach (var (step, index) in Day.Select((s, i) => (s, i + 1)))
        {
            var where = $"{path}: step {index} (at {step.At})";
            if (!TimeOnly.TryParseExact(step.At, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                problems.Add($"{where}: 'at' must be HH:MM, like 09:30");
            }
            else if (at < last)
            {
                problems.Add($"{where}: steps must be in time order");
            }
            else
            {
                last = at;
            }

            if (step.Note is null && !people.Contains(step.Who ?? ""))
            {
                problems.Add($"{where}: 'who' must name someone in the team ({string.Join(", ", people)})");
            }

            if (step.In is not null && !Channels.ContainsKey(step.In.TrimStart('#')))
            {
                problems.Add($"{where}: no channel #{step.In.TrimStart('#')} in 'channels'");
            }

            foreach (var label in new[] { step.ReplyTo, step.On }.OfType<string>().Where(l => !labels.Contains(l)))
            {
                problems.Add($"{where}: no earlier message has id '{label}'");
            }

            if (step.Id is not null)
            {
                labels.Add(step.Id);
            }

            var actions = new[] { step.Say, step.React, step.Press, step.Command, step.Note }.Count(a => a is not null);
            if (actions != 1)
            {
                problems.Add($"{where}: needs exactly one of say, react, press, command, note");
            }

            if (step.React is not null && step.On is null)
            {
                problems.Add($"{where}: 'react' needs 'on: <message id>'");
            }
        }

        if (problems.Count > 0)
        {
            throw new DemoException(string.Join(Environment.NewLine, problems));
        }
    }
}
