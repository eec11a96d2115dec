namespace NormBot.Protocols;

/// <summary>The protocol keys of PRODUCT §4, their built-in defaults, and validation of typed values.</summary>
public static class ProtocolKeys
{
    public const string ResponseTime = "response-time";
    public const string Hours = "hours";
    public const string Days = "days";
    public const string TimeZone = "timezone";
    public const string EscalateAfter = "escalate-after";
    public const string EscalateTo = "escalate-to";
    public const string Context = "context";
    public const string MinWords = "min-words";
    public const string ContextGrace = "context-grace";
    public const string UrgentChannel = "urgent-channel";
    public const string UrgentKeywords = "urgent-keywords";
    public const string NudgeLimit = "nudge-limit";
    public const string Tracking = "tracking";
    public const string Expectations = "expectations";
    public const string AwayStatuses = "away-statuses";
    public const string ExternalAsks = "external-asks";
    public const string Mode = "mode";
    public const string Welcome = "welcome";

    /// <summary>The value of <see cref="Mode"/> in which the rules record what they would have sent and send nothing (PRODUCT §16).</summary>
    public const string ObserveMode = "observe";
    public const string NudgeMode = "nudge";

    /// <summary>The value of <see cref="Hours"/> that reads each person's hours from their Slack notification schedule.</summary>
    public const string SlackHours = "slack";

    /// <summary>At most this many <c>escalate-to</c> targets: level 1, 2 and 3 of the chain (PRODUCT §14).</summary>
    public const int MaxEscalationTargets = 3;

    /// <summary>Every key, in the order of PRODUCT §4 (which is also the order <c>show</c> lists them in).</summary>
    public static IReadOnlyList<string> All { get; } =
        [ResponseTime, Hours, Days, TimeZone, EscalateAfter, EscalateTo, Expectations, Context, MinWords, ContextGrace, UrgentChannel, UrgentKeywords, NudgeLimit, Tracking, Mode, Welcome, ExternalAsks, AwayStatuses];

    /// <summary>Canonical default values; an empty string means "none".</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ResponseTime] = "4h",
        [Hours] = "09:00-17:00",
        [Days] = "mon-fri",
        [TimeZone] = "UTC",
        [EscalateAfter] = "2x",
        [EscalateTo] = string.Empty,
        [Context] = "on",
        [MinWords] = "6",
        [ContextGrace] = "1m",
        [UrgentChannel] = string.Empty,
        [UrgentKeywords] = "urgent, asap, emergency, outage, down, sev1, sev2, p0, p1, incident, :rotating_light:",
        [NudgeLimit] = "5",
        [Tracking] = "on",
        [Expectations] = "on",
        [ExternalAsks] = "on", // support channels exist for exactly those asks (PRODUCT §12)
        [Mode] = NudgeMode,
        [Welcome] = "on",
        [AwayStatuses] = ":palm_tree:, :airplane:, :face_with_thermometer:, :baby:, out of office, ooo, vacation, holiday, on leave, sick",
    };

    public static bool IsKnown(string key) => Defaults.ContainsKey(key);

    /// <summary>Keys that only make sense for the whole workspace; a channel override of them is refused.</summary>
    public static bool IsWorkspaceOnly(string key) => key is UrgentChannel or UrgentKeywords or AwayStatuses;

    /// <summary>
    /// Validates a value as a user typed it and returns the form to store. The error is one line,
    /// naming the value and showing a valid example, ready to show in Slack.
    /// </summary>
    public static bool TryNormalize(string key, string rawValue, out string canonical, out string error)
    {
        ArgumentNullException.ThrowIfNull(key);
        canonical = string.Empty;
        var value = (rawValue ?? string.Empty).Trim();
        if (!IsKnown(key))
        {
            error = $"\"{key}\" is not a protocol key; the keys are {string.Join(", ", All)}";
            return false;
        }

        if (value.Length == 0)
        {
            error = $"{key} needs a value, like {Example(key)}";
            return false;
        }

        return ProtocolValues.TryNormalize(key, value, out canonical, out error);
    }

    public static string Example(string key) => key switch
    {
        ResponseTime => "4h",
        Hours => "09:00-17:30",
        Days => "mon-fri",
        TimeZone => "Europe/Berlin",
        EscalateAfter => "2x",
        EscalateTo => "@lead, #eng-leads",
        UrgentChannel => "#incidents",
        Context or Tracking or Expectations or ExternalAsks or Welcome => "on",
        Mode => ObserveMode,
        MinWords => "6",
        ContextGrace => "1m",
        UrgentKeywords => "urgent, asap, p0",
        AwayStatuses => ":palm_tree:, vacation, ooo",
        NudgeLimit => "5",
        _ => "a value",
    };
}
