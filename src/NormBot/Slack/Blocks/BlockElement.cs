using System.Text.Json.Serialization;

namespace NormBot.Slack.Blocks;

/// <summary>An interactive element inside an actions block or a section accessory.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
public abstract record BlockElement
{
    /// <summary>Identifies the handler on click; up to 255 chars, unique within the block.</summary>
    [JsonPropertyName("action_id")]
    public string? ActionId { get; init; }
}

/// <summary>A button; <see cref="Value"/> (up to 2000 chars) comes back in the block_actions payload.</summary>
public sealed record ButtonElement([property: JsonPropertyName("text")] TextObject Text) : BlockElement
{
    public const string Primary = "primary";
    public const string Danger = "danger";

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary><see cref="Primary"/>, <see cref="Danger"/> or null for the default look.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }
}
