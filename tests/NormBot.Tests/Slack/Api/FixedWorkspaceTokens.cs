using NormBot.Slack.Api;

namespace NormBot.Tests.Slack.Api;

/// <summary>One token for whichever workspace asks, recording auth failures: the client's token seam without a store.</summary>
public sealed class FixedWorkspaceTokens(string token) : IWorkspaceTokens
{
    public List<(string? TeamId, string Error)> AuthFailures { get; } = [];

    public ValueTask<string> BotTokenAsync(string? teamId, CancellationToken ct) => ValueTask.FromResult(token);

    public ValueTask<string> ProbeTokenAsync(string? teamId, CancellationToken ct) => ValueTask.FromResult(token);

    public Task AuthFailedAsync(string? teamId, string slackError, CancellationToken ct)
    {
        AuthFailures.Add((teamId, slackError));
        return Task.CompletedTask;
    }
}
