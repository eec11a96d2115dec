using Microsoft.Extensions.Options;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Slack;
using NormBot.Storage;

namespace NormBot.Hosting;

/// <summary>
/// Binds and validates every options section before the host starts, collecting all problems:
/// the host's own start-up validation stops at the first section and logs a stack trace.
/// </summary>
public static class ConfigurationCheck
{
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        var problems = new List<string>();
        Touch<SlackOptions>(services, problems);
        Touch<StorageOptions>(services, problems);
        Touch<NormsOptions>(services, problems);
        Touch<JobsOptions>(services, problems);
        return problems;
    }

    private static void Touch<T>(IServiceProvider services, List<string> problems)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } lines)
        {
            problems.AddRange(lines);
        }
    }
}
