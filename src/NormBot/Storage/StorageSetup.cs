using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NormBot.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Db>();
        services.AddSingleton<Leases>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService<MigrationHostedService>();
        return services;
    }
}
