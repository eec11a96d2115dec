using System.Text.Json.Serialization;

namespace NormBot.Slack.Blocks;

/// <summary>A layout block; the JSON <c>type</c> discriminator picks the subtype.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
public abstract record Block
{
    /// <summary>Optional; up to 255 chars, unique within a message or view.</summary>
    [JsonPropertyName("block_id")]
    public string? BlockId { get; init; }
}

/// <summary>Large bold plain text, at most 150 chars.</summary>
public sealed record HeaderBlock([property: JsonPropertyName("text")] TextObject Text) : Block;

/// <summary>Text (up to 3000 chars) and/or up to 10 two-column fields, with an optional accessory element.</summary>
public sealed record SectionBlock(
    [property: JsonPropertyName("text")] TextObject? Text = null,
    [property: JsonPropertyName("fields")] IReadOnlyList<TextObject>? Fields = null,
    [property: JsonPropertyName("accessory")] BlockElement? Accessory = null) : Block;

/// <summary>Small grey text; up to 10 elements.</summary>
public sealed record ContextBlock([property: JsonPropertyName("elements")] IReadOnlyList<TextObject> Elements) : Block;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : Block;

/// <summary>A row of up to 25 interactive elements.</summary>
public sealed record ActionsBlock([property: JsonPropertyName("elements")] IReadOnlyList<BlockElement> Elements) : Block;
