using System.Text.Json.Serialization;

namespace NormBot.Slack.Blocks;

/// <summary>A labelled form field in a modal; its value arrives in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock(
    [property: JsonPropertyName("label")] TextObject Label,
    [property: JsonPropertyName("element")] BlockElement Element) : Block
{
    [JsonPropertyName("optional")]
    public bool? Optional { get; init; }

    [JsonPropertyName("hint")]
    public TextObject? Hint { get; init; }

    [JsonPropertyName("dispatch_action")]
    public bool? DispatchAction { get; init; }
}

/// <summary>A free-text field (single or multi-line) for input blocks.</summary>
public sealed record PlainTextInputElement : BlockElement
{
    [JsonPropertyName("multiline")]
    public bool? Multiline { get; init; }

    [JsonPropertyName("placeholder")]
    public TextObject? Placeholder { get; init; }

    [JsonPropertyName("initial_value")]
    public string? InitialValue { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }
}

/// <summary>A single-choice menu of up to 100 options.</summary>
public sealed record StaticSelectElement([property: JsonPropertyName("options")] IReadOnlyList<OptionObject> Options) : BlockElement
{
    [JsonPropertyName("placeholder")]
    public TextObject? Placeholder { get; init; }

    [JsonPropertyName("initial_option")]
    public OptionObject? InitialOption { get; init; }
}

/// <summary>One choice in a select; text and value stay within 75 chars.</summary>
public sealed record OptionObject(
    [property: JsonPropertyName("text")] TextObject Text,
    [property: JsonPropertyName("value")] string Value)
{
    [JsonPropertyName("description")]
    public TextObject? Description { get; init; }
}
