namespace NormBot.Slack.Inbox;

/// <summary>
/// One Slack delivery as it sits in the durable inbox: an event, a slash command or an interaction. The body is UTF-8
/// JSON, as it arrived: the ack path stores the request's bytes without decoding them to a string and back.
/// </summary>
public sealed record InboxEnvelope(string TeamId, string EnvelopeId, string Kind, byte[] Body, long ReceivedAt)
{
    public const string Event = "event";
    public const string Command = "command";
    public const string Interaction = "interaction";

    /// <summary>The event's channel when the transport already knows it (orders the lanes without a second parse); not stored.</summary>
    public string? Channel { get; init; }

    /// <summary>Processing attempts so far, for rows read back from the table (claiming them is compare-and-swap on it).</summary>
    public long Attempts { get; init; }
}
