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
        return services;
    }
}
