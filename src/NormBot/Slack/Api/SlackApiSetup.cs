using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NormBot.Slack.Api;

/// <summary>Registers the typed Slack Web API client with its retry pipeline and outbound pacer.</summary>
public static class SlackApiSetup
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the client (the typed client's interface name).</summary>
    public const string HttpClientName = nameof(ISlackApi);

    public static IServiceCollection AddSlackApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRatePacer>();

        services.AddHttpClient<ISlackApi, SlackApiClient>((sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;

                // Relative method names only resolve under the base path when it ends with a slash.
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // Retry-After waits can add up past HttpClient's 100 s default; the pipeline bounds each attempt instead.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default handler logs full URLs, and a response_url's path is a credential. Our own log lines
            // cover failures; HttpClient's metrics (System.Net.Http meter) still report every request.
            .RemoveAllLoggers()
            .AddResilienceHandler("slack", (builder, context) => SlackResilience.Configure(builder, context.ServiceProvider));

        // Added after the resilience handler, so it sits inside it: one timeout per attempt.
        services.AddHttpClient<ISlackApi, SlackApiClient>().AddHttpMessageHandler(() => new AttemptTimeoutHandler());

        return services;
    }
}
