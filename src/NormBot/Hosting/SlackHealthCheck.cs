using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NormBot.Slack;
using NormBot.Slack.Installations;

namespace NormBot.Hosting;

/// <summary>
/// Whether Slack accepts NormBot's tokens. With one workspace (<c>Slack:BotToken</c>, no OAuth) a refused token makes
/// the whole service unready: nothing it could do would reach Slack. With OAuth installs a paused workspace is named,
/// and the service reports Degraded (still HTTP 200): the other workspaces are served, and taking the process out of
/// the load balancer would stop their events too.
/// </summary>
public sealed class SlackHealthCheck(InstallationDirectory installations, IOptions<SlackOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var multi = options.Value.UsesOAuth;
        var paused = await installations.PausedAsync(cancellationToken);
        if (paused.Count > 0)
        {
            var data = paused.ToDictionary(p => p.TeamId, p => (object)p.Error);
            var description = $"paused, Slack refused the bot token: {string.Join(", ", paused.Select(p => $"{p.TeamId} ({p.Error})"))}; their messages wait in the outbox";
            return multi ? HealthCheckResult.Degraded(description, data: data) : HealthCheckResult.Unhealthy(description, data: data);
        }

        if (options.Value.HasBotToken && !installations.HasConfiguredToken)
        {
            const string removed = "NormBot was uninstalled from the workspace of Slack:BotToken; install the app again and set its new token";
            return multi ? HealthCheckResult.Degraded(removed) : HealthCheckResult.Unhealthy(removed);
        }

        if (installations.HasConfiguredToken && installations.Configured is null)
        {
            const string waiting = "Slack auth.test has not passed yet";
            return multi ? HealthCheckResult.Degraded(waiting) : HealthCheckResult.Unhealthy(waiting);
        }

        return installations.Configured is { } configured
            ? HealthCheckResult.Healthy($"authenticated as {configured.BotUserId} in {configured.TeamId}{(multi ? "; OAuth installs on" : "")}")
            : HealthCheckResult.Healthy("OAuth installs on; no installed workspace is paused");
    }
}
