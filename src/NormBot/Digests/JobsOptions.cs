namespace NormBot.Digests;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public TimeSpan OverdueScanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
