using System.Text.Json.Serialization;
using NormBot.Slack.Blocks;

namespace NormBot.Slack.Api;

// The chat.* request and response records live together: each is a handful of lines and they are read as a set.

/// <summary>Arguments of <c>chat.postMessage</c>; always give <see cref="Text"/> as the notification fallback.</summary>
public sealed record PostMessage(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Block>? Blocks = null,
    [property: JsonPropertyName("thread_ts")] string? ThreadTs = null,
    [property: JsonPropertyName("reply_broadcast")] bool? ReplyBroadcast = null)
{
    /// <summary>Off by default so norm links don't expand into large previews.</summary>
    [JsonPropertyName("unfurl_links")]
    public bool UnfurlLinks { get; init; }
}

/// <summary>Result of <c>chat.postMessage</c>: where the message landed.</summary>
public sealed record PostMessageResponse : SlackResponse
{
    [JsonPropertyName("channel")]
    public string Channel { get; init; } = "";

    [JsonPropertyName("ts")]
    public string Ts { get; init; } = "";
}

/// <summary>Arguments of <c>chat.postEphemeral</c> (visible to <see cref="User"/> only).</summary>
public sealed record PostEphemeral(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Block>? Blocks = null,
    [property: JsonPropertyName("thread_ts")] string? ThreadTs = null);

/// <summary>Arguments of <c>chat.update</c>; only messages our token posted can be updated.</summary>
public sealed record UpdateMessage(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("ts")] string Ts,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Block>? Blocks = null);

/// <summary>Body POSTed to an interaction's <c>response_url</c> (5 uses within 30 minutes).</summary>
public sealed record ResponseUrlMessage(
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Block>? Blocks = null,
    [property: JsonPropertyName("response_type")] string? ResponseType = null,
    [property: JsonPropertyName("replace_original")] bool? ReplaceOriginal = null,
    [property: JsonPropertyName("delete_original")] bool? DeleteOriginal = null,
    [property: JsonPropertyName("thread_ts")] string? ThreadTs = null)
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";
}

internal sealed record PostEphemeralResponse : SlackResponse
{
    [JsonPropertyName("message_ts")]
    public string MessageTs { get; init; } = "";
}

internal sealed record PermalinkResponse : SlackResponse
{
    [JsonPropertyName("permalink")]
    public string Permalink { get; init; } = "";
}

internal sealed record UrlResponse : SlackResponse
{
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";
}
