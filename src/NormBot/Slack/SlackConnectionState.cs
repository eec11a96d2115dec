namespace NormBot.Slack;

/// <summary>What start-up learned from <c>auth.test</c>; readiness waits for it.</summary>
public sealed class SlackConnectionState
{
    private volatile Identity? _identity;

    public bool AuthPassed => _identity is not null;

    public string? BotUserId => _identity?.BotUserId;

    public string? TeamId => _identity?.TeamId;

    public void SetAuthenticated(string botUserId, string teamId) => _identity = new Identity(botUserId, teamId);

    private sealed record Identity(string BotUserId, string TeamId);
}
