namespace NormBot.Hosting;

/// <summary>The verb the process was started with; validation differs between them.</summary>
public sealed record AppMode(string Verb)
{
    public static readonly AppMode Run = new("run");
    public static readonly AppMode Demo = new("demo");
}
