using NormBot.Slack.Blocks;

namespace NormBot.Norms.Rules;

/// <summary>The short excerpt kept of an open ask (PRODUCT §9: no full message history).</summary>
public static class Excerpt
{
    public const int MaxLength = 200;

    public static string Of(string text) => BlockLimits.Truncate(text.Trim(), MaxLength);
}
