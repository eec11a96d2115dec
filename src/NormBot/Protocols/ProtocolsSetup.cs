using NormBot.Protocols.Commands;
using NormBot.Protocols.Home;

namespace NormBot.Protocols;

public static class ProtocolsSetup
{
    public static IServiceCollection AddProtocols(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ProtocolStore>();
        services.AddSingleton<RouteStore>();
        services.AddSingleton<LeaderStore>();
        services.AddSingleton<SnoozeStore>();
        services.AddSingleton<ProtocolService>();
        services.AddSingleton<LeaderPolicy>();

        // The /norms subcommand groups; NormsCommandHandler itself is registered in SlackHandlers.
        services.AddScoped<ShowCommands>();
        services.AddScoped<SettingCommands>();
        services.AddScoped<PreviewCommands>();
        services.AddScoped<RouteCommands>();
        services.AddScoped<LeaderCommands>();
        services.AddScoped<SnoozeCommands>();
        services.AddScoped<HandTypedNames>();

        services.AddSingleton<HomeQueries>();
        services.AddScoped<HomeViewBuilder>();
        return services;
    }
}
