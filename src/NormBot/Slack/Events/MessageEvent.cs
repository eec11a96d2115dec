namespace NormBot.Slack.Events;

/// <summary>A <c>message</c> event (channels, groups, DMs), including the edit and delete subtypes.</summary>
public sealed record MessageEvent
{
    public string Type { get; init; } = "message";

    public string? Subtype { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? User { get; init; }

    /// <summary>The author's workspace; in a Slack Connect channel it may be another organisation's.</summary>
    public string? Team { get; init; }

    public string? UserTeam { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? BotId { get; init; }

    public string? AppId { get; init; }

    public IReadOnlyList<SlackFile>? Files { get; init; }

    /// <summary>The message as it is now, for <c>message_changed</c>.</summary>
    public MessageEvent? Message { get; init; }

    public MessageEvent? PreviousMessage { get; init; }

    /// <summary>For <c>message_deleted</c>.</summary>
    public string? DeletedTs { get; init; }

    public string? EventTs { get; init; }

    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;
}

/// <summary>Only that a file was attached matters: it counts as context.</summary>
public sealed record SlackFile(string? Id, string? Name);
