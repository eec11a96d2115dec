namespace NormBot.Slack.Install;

public static class SlackInstallSetup
{
    public static IServiceCollection AddSlackInstall(this IServiceCollection services)
    {
        services.AddSingleton<OAuthStateStore>();
        services.AddSingleton<OAuthAccess>();
        return services;
    }
}
