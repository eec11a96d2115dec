using NormBot.Slack.Api;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Protocols.Home;

/// <summary>Publishes a fresh Home tab each time someone opens it (the Messages tab is left alone).</summary>
public sealed class HomeTabHandler(HomeViewBuilder builder, ISlackClients slack) : IEventHandler<AppHomeOpenedEvent>
{
    public const string HomeTab = "home";

    public async Task HandleAsync(AppHomeOpenedEvent slackEvent, EventContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        ArgumentNullException.ThrowIfNull(context);
        if (slackEvent.Tab != HomeTab || string.IsNullOrEmpty(slackEvent.User))
        {
            return;
        }

        var view = await builder.BuildAsync(context.TeamId, slackEvent.User, ct);
        await slack.For(context.TeamId).PublishViewAsync(slackEvent.User, view, ct);
    }
}
