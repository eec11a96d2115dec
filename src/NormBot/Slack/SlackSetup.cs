using Microsoft.Extensions.Options;
using NormBot.Slack.Api;
using NormBot.Slack.Handlers;
using NormBot.Slack.Http;
using NormBot.Slack.Inbox;
using NormBot.Slack.Install;
using NormBot.Slack.Installations;
using NormBot.Slack.Leaving;
using NormBot.Slack.SocketMode;

namespace NormBot.Slack;

public static class SlackSetup
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound once, in AddSlackApi: a second bind would append Slack:PreviousTokenEncryptionKeys to itself.
        services.AddOptions<SlackOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddSingleton<TokenCipher>();
        services.AddSingleton<InstallationStore>();
        services.AddSingleton<InstallationDirectory>();
        services.AddSingleton<IWorkspaceTokens>(sp => sp.GetRequiredService<InstallationDirectory>());
        services.AddHostedService<InstallationProbe>();
        services.AddSlackApi(configuration);
        services.AddSingleton<Outbox.SlackOutbox>();
        services.AddHostedService<Outbox.OutboxSender>();
        services.AddSingleton<SlackGone>();
        services.AddSingleton<Users.UserDirectory>();
        services.AddSingleton<Users.UserGroups>();
        services.AddSingleton<Users.WorkspaceNames>();
        services.AddSingleton<Users.ChannelNames>();
        services.AddSingleton<Channels.ChannelPrivacy>();
        services.AddSingleton<Quotes.SlackQuotes>();
        services.AddSlackInstall();

        services.AddSingleton<InboxStore>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton(_ => new InboxQueue()); // not the app's TimeProvider: flood pacing is about real CPU time
        services.AddSingleton<InboxCompletions>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddHostedService<InboxWorker>();
        services.AddSingleton<SlackIntake>();
        services.AddScoped<SlackDispatcher>();
        services.AddHttpClient(SlackDispatcher.ResponseUrlClient);
        services.AddSingleton<ISocketModeEnvelopeSink, SocketModeIntake>();
        services.AddSocketMode();
        services.AddSlackHandlers();
        return services;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSlackInstall();
        return endpoints.MapSlackHttp();
    }
}
