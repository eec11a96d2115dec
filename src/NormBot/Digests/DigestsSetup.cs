using Microsoft.Extensions.Options;
using Quartz;

namespace NormBot.Digests;

public static class DigestsSetup
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<DigestCommands>();
        services.AddQuartz(_ => { });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
