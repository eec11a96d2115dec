using Microsoft.Extensions.Options;

namespace NormBot.Slack.Api;

/// <summary>Builds clients bound to a workspace over the shared, paced and retrying HTTP client.</summary>
public sealed class SlackClients(
    IHttpClientFactory httpClients, IWorkspaceTokens tokens, IOptions<SlackOptions> options, SlackRatePacer pacer, ILoggerFactory loggers)
    : ISlackClients
{
    private readonly ILogger<SlackApiClient> _logger = loggers.CreateLogger<SlackApiClient>();

    public ISlackApi For(string teamId)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        return Create(teamId);
    }

    /// <summary>
    /// The configured <c>Slack:BotToken</c>, whichever workspace it belongs to: for start-up's auth.test, which learns
    /// that workspace, and for app-level calls (apps.connections.open) that use no bot token at all.
    /// </summary>
    public ISlackApi ForConfiguredToken() => Create(null);

    private SlackApiClient Create(string? teamId) =>
        new(httpClients.CreateClient(SlackApiSetup.HttpClientName), teamId, tokens, options, pacer, _logger);
}
