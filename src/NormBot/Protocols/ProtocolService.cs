using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NormBot.Norms;

namespace NormBot.Protocols;

/// <summary>
/// The effective protocol of a channel: built-in defaults, then <c>Norms:Defaults</c>, then the
/// workspace's stored defaults, then the channel's overrides. Cached briefly because every message
/// needs it; changes made through this process are visible at once.
/// </summary>
public sealed class ProtocolService(ProtocolStore settings, RouteStore routes, IOptions<NormsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Team, string Scope), (DateTimeOffset At, Dictionary<string, string> Values)> _values = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<TopicRoute> Routes)> _routes = new();

    // Resolving parses every key (time zones, keyword lists); every message needs the result, so keep it too.
    private readonly ConcurrentDictionary<(string Team, string Channel), (DateTimeOffset At, Protocol Protocol)> _resolved = new();

    public async Task<Protocol> GetAsync(string teamId, string? channelId, CancellationToken ct)
    {
        var key = (teamId, channelId ?? AuditEntry.WorkspaceScope);
        var now = time.GetUtcNow();
        if (_resolved.TryGetValue(key, out var hit) && now - hit.At < CacheFor)
        {
            return hit.Protocol;
        }

        var protocol = await ResolveAsync(teamId, channelId, ct);
        _resolved[key] = (now, protocol);
        return protocol;
    }

    /// <summary>
    /// The protocol <paramref name="channelId"/> would have with <paramref name="key"/> set to <paramref name="value"/> for
    /// <paramref name="scope"/> (a channel, or null for the workspace), for <c>/norms preview</c>; nothing is stored.
    /// </summary>
    public Task<Protocol> WouldBeAsync(string teamId, string? channelId, string? scope, string key, string value, CancellationToken ct) =>
        ResolveAsync(teamId, channelId, ct, (scope, key, value));

    private async Task<Protocol> ResolveAsync(string teamId, string? channelId, CancellationToken ct, (string? Scope, string Key, string Value)? change = null)
    {
        var workspace = await ValuesAsync(teamId, AuditEntry.WorkspaceScope, ct);
        var defaults = new Dictionary<string, string>(options.Value.Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in workspace)
        {
            defaults[key] = value;
        }

        var channel = channelId is null ? new Dictionary<string, string>() : new Dictionary<string, string>(await ValuesAsync(teamId, channelId, ct));
        if (change is { } c && (c.Scope is null || c.Scope == channelId))
        {
            (c.Scope is null ? defaults : channel)[c.Key] = c.Value;
        }

        return Protocol.Resolve(defaults, channel, await RoutesAsync(teamId, ct));
    }

    /// <summary>Forget cached values after a change, so the next message sees it.</summary>
    public void Invalidate(string teamId)
    {
        foreach (var key in _values.Keys.Where(k => k.Team == teamId))
        {
            _values.TryRemove(key, out _);
        }

        _routes.TryRemove(teamId, out _);
        foreach (var key in _resolved.Keys.Where(k => k.Team == teamId))
        {
            _resolved.TryRemove(key, out _);
        }
    }

    private async Task<Dictionary<string, string>> ValuesAsync(string teamId, string scope, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_values.TryGetValue((teamId, scope), out var cached) && now - cached.At < CacheFor)
        {
            return cached.Values;
        }

        var values = await settings.ValuesAsync(teamId, scope, ct);
        _values[(teamId, scope)] = (now, values);
        return values;
    }

    private async Task<IReadOnlyList<TopicRoute>> RoutesAsync(string teamId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_routes.TryGetValue(teamId, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Routes;
        }

        var list = (await routes.AllAsync(teamId, ct))
            .Select(r => new TopicRoute(r.Topic, SlackRef.Channel(r.ChannelId), r.Keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        _routes[teamId] = (now, list);
        return list;
    }
}
