using System.Text.Json.Serialization;

namespace NormBot.Slack.Blocks;

/// <summary>A Home tab or modal view for <c>views.publish</c> / <c>views.open</c>.</summary>
public sealed record View(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Block> Blocks)
{
    public const string HomeType = "home";
    public const string ModalType = "modal";

    /// <summary>Modal only; at most 24 chars.</summary>
    [JsonPropertyName("title")]
    public TextObject? Title { get; init; }

    /// <summary>Required on modals with input blocks; at most 24 chars.</summary>
    [JsonPropertyName("submit")]
    public TextObject? Submit { get; init; }

    [JsonPropertyName("close")]
    public TextObject? Close { get; init; }

    [JsonPropertyName("callback_id")]
    public string? CallbackId { get; init; }

    /// <summary>Context carried through to view_submission; at most 3000 chars.</summary>
    [JsonPropertyName("private_metadata")]
    public string? PrivateMetadata { get; init; }

    public static View Home(IReadOnlyList<Block> blocks) => new(HomeType, blocks);

    public static View Modal(string title, IReadOnlyList<Block> blocks) =>
        new(ModalType, blocks) { Title = TextObject.Plain(title) };
}
