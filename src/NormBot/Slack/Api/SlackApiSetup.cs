using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NormBot.Slack.Api;

/// <summary>Registers the Slack Web API: the workspace-bound client factory over one retrying, paced HTTP client.</summary>
public static class SlackApiSetup
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the HTTP client every Slack call goes through.</summary>
    public const string HttpClientName = nameof(ISlackApi);

    /// <summary>Expects an <see cref="IWorkspaceTokens"/> to be registered (the installations, in <c>AddSlack</c>).</summary>
    public static IServiceCollection AddSlackApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRatePacer>();
        services.TryAddSingleton<SlackClients>();
        services.TryAddSingleton<ISlackClients>(sp => sp.GetRequiredService<SlackClients>());

        var http = services.AddHttpClient(HttpClientName, (sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;

                // Relative method names only resolve under the base path when it ends with a slash.
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // Retry-After waits can add up past HttpClient's 100 s default; the pipeline bounds each attempt instead.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default handler logs full URLs, and a response_url's path is a credential. Our own log lines
            // cover failures; HttpClient's metrics (System.Net.Http meter) still report every request.
            .RemoveAllLoggers();
        http.AddResilienceHandler("slack", (builder, context) => SlackResilience.Configure(builder, context.ServiceProvider));

        // Added after the resilience handler, so it sits inside it: one timeout per attempt.
        http.AddHttpMessageHandler(() => new AttemptTimeoutHandler());

        return services;
    }
}
