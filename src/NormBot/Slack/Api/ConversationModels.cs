using System.Text.Json.Serialization;

namespace NormBot.Slack.Api;

// conversations.* results; the page records are internal because callers only see the items.

/// <summary>The parts of <c>conversations.info</c> NormBot uses.</summary>
public sealed record ConversationInfo
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("is_member")]
    public bool IsMember { get; init; }

    [JsonPropertyName("is_private")]
    public bool IsPrivate { get; init; }

    [JsonPropertyName("is_im")]
    public bool IsIm { get; init; }

    [JsonPropertyName("is_archived")]
    public bool IsArchived { get; init; }

    /// <summary>Slack Connect: people of another organisation can read this channel.</summary>
    [JsonPropertyName("is_ext_shared")]
    public bool IsExtShared { get; init; }
}

/// <summary>A message as conversations.history/replies return it; <c>ts</c> stays a string (never a double).</summary>
public sealed record SlackMessage
{
    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("ts")]
    public string Ts { get; init; } = "";

    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    [JsonPropertyName("subtype")]
    public string? Subtype { get; init; }

    [JsonPropertyName("reply_count")]
    public int? ReplyCount { get; init; }
}

internal sealed record ConversationInfoResponse : SlackResponse
{
    [JsonPropertyName("channel")]
    public ConversationInfo? Channel { get; init; }
}

internal sealed record ConversationsPage : SlackResponse
{
    [JsonPropertyName("channels")]
    public IReadOnlyList<ConversationInfo>? Channels { get; init; }
}

internal sealed record MembersPage : SlackResponse
{
    [JsonPropertyName("members")]
    public IReadOnlyList<string>? Members { get; init; }
}

internal sealed record MessagesPage : SlackResponse
{
    [JsonPropertyName("messages")]
    public IReadOnlyList<SlackMessage>? Messages { get; init; }
}
