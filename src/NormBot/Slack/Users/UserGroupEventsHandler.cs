using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Slack.Users;

/// <summary>Keeps cached user groups current when people join or leave them.</summary>
public sealed class UserGroupEventsHandler(UserGroups groups) : IEventHandler<SubteamMembersChangedEvent>
{
    public Task HandleAsync(SubteamMembersChangedEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        ArgumentNullException.ThrowIfNull(context);
        return slackEvent.SubteamId is { Length: > 0 } group
            ? groups.ApplyChangeAsync(context.TeamId, group, slackEvent.AddedUsers ?? [], slackEvent.RemovedUsers ?? [], ct)
            : Task.CompletedTask;
    }
}
