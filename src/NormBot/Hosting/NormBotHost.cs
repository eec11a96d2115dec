using Microsoft.Extensions.DependencyInjection.Extensions;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Storage;
using Prometheus;

namespace NormBot.Hosting;

/// <summary>The composition root: one <c>AddXxx</c> per feature, in the order they must start.</summary>
public static class NormBotHost
{
    public static WebApplicationBuilder AddNormBot(this WebApplicationBuilder builder, AppMode mode)
    {
        AddDefaults(builder.Configuration);

        // Slack's requests are small and few at a time; these bound what anyone else can make the process hold
        // (PRODUCT §12). The body limit is also checked per request (SlackRequestBody), and answered 413.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = Slack.Http.SlackRequestBody.MaxBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 64;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxConcurrentConnections = 1_000;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddSingleton(mode);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStorage();
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddProtocols();
        builder.Services.AddNorms();
        builder.Services.AddDigests(builder.Configuration);
        builder.Services.AddHealth();
        return builder;
    }

    /// <summary>
    /// The root appsettings.json is copied next to NormBot.dll; as the lowest-priority source it supplies every default
    /// whatever the working directory, and anything else (env vars, files) overrides it. The CLI verbs use it too.
    /// </summary>
    public static void AddDefaults(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
    }

    public static WebApplication UseNormBot(this WebApplication app)
    {
        app.UseRouting();
        app.UseRequestMetrics();
        app.MapHealth();
        app.MapMetrics("/metrics");
        app.MapSlack();
        return app;
    }
}
