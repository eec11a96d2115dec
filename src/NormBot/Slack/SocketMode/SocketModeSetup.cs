using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NormBot.Slack.SocketMode;

/// <summary>Registers the Socket Mode client; it idles unless <see cref="SlackOptions.UseSocketMode"/>.</summary>
public static class SocketModeSetup
{
    /// <summary>Needs <c>AddSlackApi</c> and an <see cref="ISocketModeEnvelopeSink"/> registration.</summary>
    public static IServiceCollection AddSocketMode(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // One instance serves both as the hosted service and as the state the health check reads.
        services.TryAddSingleton<SocketModeClient>();
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        return services;
    }
}
