namespace NormBot.Norms;

public static class NormsSetup
{
    public static IServiceCollection AddNorms(this IServiceCollection services)
    {
        services.AddOptions<NormsOptions>().BindConfiguration(NormsOptions.Section).ValidateOnStart();
        services.AddSingleton<Overdue.OverdueScanner>();
        return services;
    }
}
