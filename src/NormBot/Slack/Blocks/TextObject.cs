using System.Text.Json.Serialization;

namespace NormBot.Slack.Blocks;

/// <summary>A Block Kit text object: <c>plain_text</c> (headers, buttons, titles) or <c>mrkdwn</c>.</summary>
public sealed record TextObject(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text)
{
    public const string PlainText = "plain_text";
    public const string Mrkdwn = "mrkdwn";

    /// <summary>plain_text only: render <c>:emoji:</c> codes.</summary>
    [JsonPropertyName("emoji")]
    public bool? Emoji { get; init; }

    /// <summary>mrkdwn only: true stops Slack auto-linking names and URLs.</summary>
    [JsonPropertyName("verbatim")]
    public bool? Verbatim { get; init; }

    public static TextObject Plain(string text, bool? emoji = true) => new(PlainText, text) { Emoji = emoji };

    public static TextObject Markdown(string text) => new(Mrkdwn, text);
}
