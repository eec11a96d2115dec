namespace NormBot.Protocols;

/// <summary>The effective, typed protocol of a channel (PRODUCT §4): its overrides on top of the workspace defaults.</summary>
public sealed record Protocol(
    NormDuration ResponseTime,
    WorkingHours Hours,
    WorkingDays Days,
    TimeZoneInfo TimeZone,
    double EscalateAfter,
    IReadOnlyList<SlackRef> EscalateTo,
    bool Context,
    int MinWords,
    TimeSpan ContextGrace,
    SlackRef? UrgentChannel,
    IReadOnlyList<string> UrgentKeywords,
    int NudgeLimit,
    bool Tracking,
    IReadOnlyList<TopicRoute> Routes)
{
    /// <summary><c>hours slack</c>: each person's hours come from their Slack notification schedule; <see cref="Hours"/> is the fallback.</summary>
    public bool HoursFromSlack => Values[ProtocolKeys.Hours] == ProtocolKeys.SlackHours;

    /// <summary>Tell the asker when a reply can be expected if nobody they asked can answer soon (PRODUCT §14).</summary>
    public bool Expectations => Values[ProtocolKeys.Expectations] == "on";

    /// <summary>Slack Connect: asks from people of another organisation are tracked (PRODUCT §12).</summary>
    public bool ExternalAsks => Values[ProtocolKeys.ExternalAsks] == "on";

    /// <summary><c>mode observe</c>: the rules run and record what they would have sent, and nobody gets a message (PRODUCT §16).</summary>
    public bool Observe => Values[ProtocolKeys.Mode] == ProtocolKeys.ObserveMode;

    /// <summary>Newcomers to the channel get its norms card (PRODUCT §16).</summary>
    public bool Welcome => Values[ProtocolKeys.Welcome] == "on";

    /// <summary>Slack status emoji and words that mean "away" (workspace-wide).</summary>
    public IReadOnlyList<string> AwayStatuses { get; init; } = [];

    /// <summary>Canonical effective value of every key, for <c>/norms show</c>.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>Keys whose value comes from the channel override rather than the workspace default.</summary>
    public required IReadOnlySet<string> OverriddenKeys { get; init; }

    /// <summary>Stored values that no longer parse; each fell back to the default so the bot keeps working.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The channel's own schedule; a person's is <c>Norms.People.PersonalSchedules</c>' work (PRODUCT §14).</summary>
    public WorkSchedule Schedule => new(Hours, Days, TimeZone);

    public static Protocol Resolve(
        IReadOnlyDictionary<string, string> defaults,
        IReadOnlyDictionary<string, string> channelOverrides,
        IReadOnlyList<TopicRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(channelOverrides);
        ArgumentNullException.ThrowIfNull(routes);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var key in ProtocolKeys.All)
        {
            values[key] = ProtocolKeys.Defaults[key];
            if (Lookup(defaults, key) is { } workspaceValue)
            {
                Apply(key, workspaceValue, "workspace default", values, problems);
            }

            if (!ProtocolKeys.IsWorkspaceOnly(key) && Lookup(channelOverrides, key) is { } channelValue
                && Apply(key, channelValue, "channel override", values, problems))
            {
                overridden.Add(key);
            }
        }

        return FromCanonical(values, routes) with { OverriddenKeys = overridden, Problems = problems };
    }

    private static bool Apply(string key, string value, string source, Dictionary<string, string> values, List<string> problems)
    {
        // An empty stored value is a valid "none" for the target and list keys only; TryNormalize refuses empties.
        if (value.Length == 0 && key is ProtocolKeys.EscalateTo or ProtocolKeys.UrgentChannel or ProtocolKeys.UrgentKeywords or ProtocolKeys.AwayStatuses)
        {
            values[key] = string.Empty;
            return true;
        }

        if (ProtocolKeys.TryNormalize(key, value, out var canonical, out var error))
        {
            values[key] = canonical;
            return true;
        }

        problems.Add($"{key} ({source}): {error}");
        return false;
    }

    // Configuration binds keys as written in appsettings.json, so accept any casing there.
    private static string? Lookup(IReadOnlyDictionary<string, string> source, string key) =>
        source.TryGetValue(key, out var value)
            ? value
            : source.FirstOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;

    // Every value here has already been normalised, so the parses below cannot fail.
    private static Protocol FromCanonical(Dictionary<string, string> v, IReadOnlyList<TopicRoute> routes)
    {
        _ = ProtocolValues.TryResponseTime(v[ProtocolKeys.ResponseTime], out var responseTime, out _);
        // hours slack falls back to the built-in hours for people whose Slack schedule says nothing.
        _ = WorkingHours.TryParse(v[ProtocolKeys.Hours] == ProtocolKeys.SlackHours ? ProtocolKeys.Defaults[ProtocolKeys.Hours] : v[ProtocolKeys.Hours], out var hours, out _);
        _ = WorkingDays.TryParse(v[ProtocolKeys.Days], out var days, out _);
        _ = ProtocolValues.TryTimeZone(v[ProtocolKeys.TimeZone], out var zone, out _);
        _ = ProtocolValues.TryMultiple(v[ProtocolKeys.EscalateAfter], out var escalateAfter, out _);
        _ = ProtocolValues.TryTargets(Or(v[ProtocolKeys.EscalateTo]), out var escalateTo, out _);
        _ = ProtocolValues.TryGrace(v[ProtocolKeys.ContextGrace], out var grace, out _);
        _ = ProtocolValues.TryTarget(ProtocolKeys.UrgentChannel, Or(v[ProtocolKeys.UrgentChannel]), out var urgentChannel, out _);
        _ = KeywordList.TryParse(v[ProtocolKeys.UrgentKeywords], out var keywords, out _);
        _ = KeywordList.TryParse(v[ProtocolKeys.AwayStatuses], out var awayStatuses, out _);
        return new Protocol(
            responseTime,
            hours,
            days,
            zone,
            escalateAfter,
            escalateTo,
            v[ProtocolKeys.Context] == "on",
            int.Parse(v[ProtocolKeys.MinWords], System.Globalization.CultureInfo.InvariantCulture),
            grace,
            urgentChannel,
            keywords,
            int.Parse(v[ProtocolKeys.NudgeLimit], System.Globalization.CultureInfo.InvariantCulture),
            v[ProtocolKeys.Tracking] == "on",
            routes)
        {
            Values = v,
            AwayStatuses = awayStatuses,
            OverriddenKeys = new HashSet<string>(),
            Problems = [],
        };
    }

    private static string Or(string value) => value.Length == 0 ? "none" : value;
}
