using NormBot.Norms.Asks;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Slack.Users;

namespace NormBot.Norms.People;

/// <summary>
/// <c>user_change</c>: someone's status or time zone changed. The profile is kept as Slack sent it, and the deadlines of
/// the open asks waiting on them are worked out again (an away status pauses their clocks; clearing it resumes them).
/// </summary>
public sealed class UserChangeHandler(UserDirectory users, AskClock clock) : IEventHandler<UserChangeEvent>
{
    public async Task HandleAsync(UserChangeEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        ArgumentNullException.ThrowIfNull(context);
        if (slackEvent.User is not { Id.Length: > 0, IsBot: false } user)
        {
            return;
        }

        await users.RememberAsync(context.TeamId, user, ct);
        await clock.RecomputeForPersonAsync(context.TeamId, user.Id, ct);
    }
}
