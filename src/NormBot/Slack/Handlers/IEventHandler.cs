namespace NormBot.Slack.Handlers;

/// <summary>Handles one Slack event type, as SlackNet's <c>IEventHandler&lt;T&gt;</c> does, with cancellation.</summary>
public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent slackEvent, EventContext context, CancellationToken ct);
}

/// <summary>The envelope around an event: which workspace, which delivery, when Slack saw it.</summary>
public sealed record EventContext(string TeamId, string EventId, DateTimeOffset EventTime)
{
    /// <summary>The bot's own user in this workspace (from its installation), to recognise what the bot itself did.</summary>
    public string BotUserId { get; init; } = "";

    /// <summary>The envelope's <c>is_ext_shared_channel</c>: the event happened in a Slack Connect channel.</summary>
    public bool IsExtSharedChannel { get; init; }
}
