namespace NormBot.Protocols.Commands;

/// <summary>The usage line of every <c>/norms</c> subcommand and the full help text (PRODUCT §7).</summary>
public static class NormsUsage
{
    public const string Command = "/norms";

    private static readonly Dictionary<string, (string Usage, bool LeaderOnly, string Summary)> Subcommands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = ("/norms help [subcommand]", false, "this help"),
        ["show"] = ("/norms show [#channel]", false, "the protocol in effect for a channel"),
        ["stats"] = ("/norms stats [#channel] [7d|30d]", false, "response times for a channel"),
        ["snooze"] = ("/norms snooze <duration>|off  (e.g. /norms snooze 1d)", false, "pause your own nudges"),
        ["my-hours"] = ("/norms my-hours <HH:MM-HH:MM> [days] [zone] | off  (e.g. /norms my-hours 10:00-18:00 mon-thu Europe/Berlin)", false, "your own working hours; without arguments, the time you work on"),
        ["away"] = ("/norms away <YYYY-MM-DD|duration> [\"note\"]  (e.g. /norms away 2026-12-28 \"skiing\": back on the 28th)", false, "you are away until then: your clocks pause"),
        ["back"] = ("/norms back", false, "end your away time now"),
        ["holidays"] = ("/norms holidays [#channel]", false, "the holidays coming up"),
        ["set"] = ("/norms set <key> <value> [#channel]  (e.g. /norms set response-time 2h #support)", true, "change a protocol key, for one channel or the workspace"),
        ["preview"] = ("/norms preview set <key> <value> [#channel]  (e.g. /norms preview set response-time 1h #support)", true, "what the last 7 days would have looked like with that value; changes nothing"),
        ["unset"] = ("/norms unset <key> [#channel]", true, "go back to the workspace default"),
        ["route"] = ("/norms route <topic> #channel keywords: a, b", true, "send a topic to its own channel"),
        ["unroute"] = ("/norms unroute <topic>", true, "remove a topic route"),
        ["digest"] = (
            "/norms digest #target daily HH:MM [#a #b ...] | weekly mon HH:MM [...] | cron \"<quartz cron>\" [...] | off | now",
            true,
            "schedule, stop or post a digest"),
        ["leaders"] = ("/norms leaders add|remove @user | /norms leaders list", true, "who may change protocols"),
        ["audit"] = ("/norms audit [n]", true, "the last n protocol changes"),
        ["holiday"] = ("/norms holiday add YYYY-MM-DD [YYYY-MM-DD] [\"name\"] [#channel] | /norms holiday remove YYYY-MM-DD [#channel]", true, "days off for the workspace or one channel"),
    };

    public static IReadOnlyCollection<string> SubcommandNames => Subcommands.Keys;

    public static bool IsKnown(string subcommand) => Subcommands.ContainsKey(subcommand);

    public static bool IsLeaderOnly(string subcommand) =>
        Subcommands.TryGetValue(subcommand, out var entry) && entry.LeaderOnly;

    /// <summary>The usage of one subcommand, or the list of subcommands for an unknown one.</summary>
    public static string For(string subcommand) =>
        Subcommands.TryGetValue(subcommand ?? string.Empty, out var entry)
            ? "Usage: " + entry.Usage
            : "Usage: /norms <subcommand>; subcommands: " + string.Join(", ", Subcommands.Keys) + ". Try /norms help";

    public static string HelpText { get; } = BuildHelp();

    private static string BuildHelp()
    {
        var lines = new List<string> { "*/norms* sets and shows this team's communication norms.", "*Everyone*" };
        lines.AddRange(Subcommands.Values.Where(s => !s.LeaderOnly).Select(s => $"• `{s.Usage}` — {s.Summary}"));
        lines.Add("*Leaders* (workspace admins and owners, and people added with `/norms leaders add`)");
        lines.AddRange(Subcommands.Values.Where(s => s.LeaderOnly).Select(s => $"• `{s.Usage}` — {s.Summary}"));
        lines.Add("Keys: " + string.Join(", ", ProtocolKeys.All) + ". Durations count working time: 90s, 30m, 4h, 2d (working days).");
        return string.Join('\n', lines);
    }
}
