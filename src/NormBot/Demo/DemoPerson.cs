namespace NormBot.Demo;

/// <summary>Someone on the demo team.</summary>
public sealed class DemoPerson
{
    public string Name { get; set; } = "";

    /// <summary>IANA time zone; working hours count in it.</summary>
    public string Tz { get; set; } = "UTC";

    public string Role { get; set; } = "";

    public bool Leader { get; set; }

    /// <summary>A Slack status set before the day starts, emoji first: <c>:palm_tree: Vacation</c>.</summary>
    public string? Status { get; set; }

    /// <summary>The day the status clears (YYYY-MM-DD, midnight in their zone); none: it stays.</summary>
    public string? StatusUntil { get; set; }
}
