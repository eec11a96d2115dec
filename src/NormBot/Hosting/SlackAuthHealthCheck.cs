using Microsoft.Extensions.Diagnostics.HealthChecks;
using NormBot.Slack;

namespace NormBot.Hosting;

public sealed class SlackAuthHealthCheck(SlackConnectionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.AuthPassed
            ? HealthCheckResult.Healthy($"authenticated as {state.BotUserId} in {state.TeamId}")
            : HealthCheckResult.Unhealthy("Slack auth.test has not passed yet"));
}
