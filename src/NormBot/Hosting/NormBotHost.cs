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
        // The root appsettings.json is copied next to NormBot.dll; as the lowest-priority source it supplies
        // every default whatever the working directory, and anything else (env vars, files) overrides it.
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
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
