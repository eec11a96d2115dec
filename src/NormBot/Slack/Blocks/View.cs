using System.Text.Json.Serialization;

namespace NormBot.Slack.Blocks;

/// <summary>The App Home tab's view for <c>views.publish</c>.</summary>
public sealed record View(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Block> Blocks)
{
    public const string HomeType = "home";

    public static View Home(IReadOnlyList<Block> blocks) => new(HomeType, blocks);
}
