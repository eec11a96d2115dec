namespace NormBot.Digests;

/// <summary>An ask to work out: <see cref="AssigneeId"/> when it waited on one person; <see cref="AnsweredAt"/> null when it was not answered.</summary>
public sealed record SettlingAsk(string ChannelId, string? AssigneeId, long OpenedAt, long? AnsweredAt);
