using System.Text.Json;
using NormBot.Slack.Api;

namespace NormBot.Slack.Outbox;

/// <summary>
/// A Slack call to make later, durably: the method name and its typed arguments as JSON. A post with a
/// <see cref="Receipt"/> (the sender's key for what it is about) is remembered where it landed, in
/// <c>slack_posts</c>, so it can be edited later.
/// </summary>
public sealed record OutboxMessage(string Method, string Body, string? Receipt = null)
{
    public const string PostMessageMethod = "chat.postMessage";
    public const string PostEphemeralMethod = "chat.postEphemeral";
    public const string UpdateMethod = "chat.update";

    public static OutboxMessage Post(PostMessage message) => new(PostMessageMethod, JsonSerializer.Serialize(message, SlackApiJson.Options));

    public static OutboxMessage Ephemeral(PostEphemeral message) => new(PostEphemeralMethod, JsonSerializer.Serialize(message, SlackApiJson.Options));

    public static OutboxMessage Update(UpdateMessage message) => new(UpdateMethod, JsonSerializer.Serialize(message, SlackApiJson.Options));
}
