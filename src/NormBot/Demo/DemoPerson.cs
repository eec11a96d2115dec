namespace NormBot.Demo;

/// <summary>Someone on the demo team.</summary>
public sealed class DemoPerson
{
    public string Name { get; set; } = "";

    /// <summary>IANA time zone; working hours count in it.</summary>
    public string Tz { get; set; } = "UTC";

    public string Role { get; set; } = "";

    public bool Leader { get; set; }
}
