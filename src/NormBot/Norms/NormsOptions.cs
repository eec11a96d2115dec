namespace NormBot.Norms;

/// <summary>The <c>Norms</c> configuration section.</summary>
public sealed class NormsOptions
{
    public const string Section = "Norms";

    /// <summary>User ids allowed to change protocols besides workspace admins and owners.</summary>
    public List<string> Leaders { get; set; } = [];

    /// <summary>Workspace defaults by protocol key (<c>response-time</c> ...); keys left out keep the built-in default.</summary>
    public Dictionary<string, string> Defaults { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
