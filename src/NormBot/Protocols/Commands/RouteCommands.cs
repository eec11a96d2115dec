using NormBot.Slack.Events;

namespace NormBot.Protocols.Commands;

/// <summary><c>route</c> and <c>unroute</c>: topic routes, the general form of the urgent channel (PRODUCT §4).</summary>
public sealed class RouteCommands(RouteStore routes, ProtocolService protocols)
{
    public async Task<NormsReply> RouteAsync(RouteCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!SlackRefResolver.TryChannel(command.Route.Channel, invocation, out var channelId, out var error))
        {
            return SettingCommands.Refused("route", error);
        }

        var topic = command.Route.Topic;
        var old = (await routes.AllAsync(invocation.TeamId, ct)).FirstOrDefault(r => r.Topic == topic);
        var route = new StoredRoute(topic, channelId, string.Join(", ", command.Route.Keywords));
        await routes.SetAsync(invocation.TeamId, route, invocation.UserId, ct);
        protocols.Invalidate(invocation.TeamId);
        var was = old is null ? "new route" : $"was {old.Describe()}";
        return new NormsReply($"Route {topic}: messages mentioning {route.Keywords} belong in <#{channelId}> ({was})");
    }

    public async Task<NormsReply> UnrouteAsync(UnrouteCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        var known = await routes.AllAsync(invocation.TeamId, ct);
        if (!await routes.RemoveAsync(invocation.TeamId, command.Topic, invocation.UserId, ct))
        {
            var topics = known.Count == 0 ? "there are no routes yet" : "the routes are " + string.Join(", ", known.Select(r => r.Topic));
            return new NormsReply($"There is no route called {command.Topic}; {topics}. Nothing changed.");
        }

        protocols.Invalidate(invocation.TeamId);
        var old = known.First(r => r.Topic == command.Topic);
        return new NormsReply($"Removed route {command.Topic} (was {old.Describe()})");
    }
}
