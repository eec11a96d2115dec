using System.Collections.Concurrent;
using NormBot.Slack.Api;

namespace NormBot.Slack.Users;

/// <summary>
/// Finds people and channels by the names people type (<c>@ana</c>, <c>#incidents</c>) from <c>users.list</c> and
/// <c>conversations.list</c>, read page by page and kept for half an hour. A name not found is looked up again if the
/// copy is more than a minute old, so a channel created a moment ago is found. Bots and deactivated accounts are left
/// out: nobody means them when naming a leader or an escalation target.
/// </summary>
public sealed partial class WorkspaceNames(ISlackClients slack, TimeProvider time, ILogger<WorkspaceNames> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan RefetchOnMissAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Names> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Names> _channels = new(StringComparer.Ordinal);

    /// <summary>Ids of the active people answering to <paramref name="name"/> (user name, display name or real name); several means ambiguous.</summary>
    public Task<IReadOnlyList<string>> UsersNamedAsync(string teamId, string name, CancellationToken ct) =>
        FindAsync(_users, teamId, name, LoadUsersAsync, ct);

    /// <summary>
    /// The name a person shows as (display name, else real name, else user name), for quoting a mention without
    /// pinging them; null when the workspace does not list them (someone from another organisation).
    /// </summary>
    public async Task<string?> DisplayNameAsync(string teamId, string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_users.TryGetValue(teamId, out var names) && now - names.FetchedAt < FreshFor
            && (names.ById.ContainsKey(userId) || now - names.FetchedAt < RefetchOnMissAfter))
        {
            return names.ById.GetValueOrDefault(userId);
        }

        try
        {
            names = await LoadUsersAsync(teamId, ct) with { FetchedAt = now };
            _users[teamId] = names;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            Log.ListFailed(logger, ex is SlackApiException api ? api.Error : ex.GetType().Name);
        }

        return names?.ById.GetValueOrDefault(userId);
    }

    /// <summary>Ids of the channels called <paramref name="name"/> that NormBot can see (public ones, private ones it is in).</summary>
    public Task<IReadOnlyList<string>> ChannelsNamedAsync(string teamId, string name, CancellationToken ct) =>
        FindAsync(_channels, teamId, name.TrimStart('#'), LoadChannelsAsync, ct);

    private async Task<IReadOnlyList<string>> FindAsync(
        ConcurrentDictionary<string, Names> cache, string teamId, string name, Func<string, CancellationToken, Task<Names>> load, CancellationToken ct)
    {
        var key = name.ToLowerInvariant();
        var now = time.GetUtcNow();
        if (cache.TryGetValue(teamId, out var names) && now - names.FetchedAt < FreshFor
            && (names.ByName.Contains(key) || now - names.FetchedAt < RefetchOnMissAfter))
        {
            return [.. names.ByName[key]];
        }

        try
        {
            names = await load(teamId, ct) with { FetchedAt = now };
            cache[teamId] = names;
            return [.. names.ByName[key]];
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            Log.ListFailed(logger, ex is SlackApiException api ? api.Error : ex.GetType().Name);
            return names is null ? [] : [.. names.ByName[key]];
        }
    }

    private async Task<Names> LoadUsersAsync(string teamId, CancellationToken ct)
    {
        var pairs = new List<(string Name, string Id)>();
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var user in slack.For(teamId).GetUsersAsync(ct))
        {
            if (new[] { user.Profile?.DisplayName, user.Profile?.RealName, user.RealName, user.Name }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) is { } shown)
            {
                byId[user.Id] = shown;
            }

            if (!user.IsBot && !user.Deleted)
            {
                foreach (var name in new[] { user.Name, user.Profile?.DisplayName, user.Profile?.RealName, user.RealName }.OfType<string>().Where(n => n.Length > 0))
                {
                    pairs.Add((name.ToLowerInvariant(), user.Id));
                }
            }
        }

        return new Names(pairs.Distinct().ToLookup(p => p.Name, p => p.Id, StringComparer.Ordinal), default) { ById = byId };
    }

    private async Task<Names> LoadChannelsAsync(string teamId, CancellationToken ct)
    {
        var pairs = new List<(string Name, string Id)>();
        await foreach (var channel in slack.For(teamId).GetConversationsAsync(ct))
        {
            if (channel.Name is { Length: > 0 } name)
            {
                pairs.Add((name.ToLowerInvariant(), channel.Id));
            }
        }

        return new Names(pairs.ToLookup(p => p.Name, p => p.Id, StringComparer.Ordinal), default);
    }

    private sealed record Names(ILookup<string, string> ByName, DateTimeOffset FetchedAt)
    {
        public Dictionary<string, string> ById { get; init; } = [];
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Listing names for /norms failed ({Error}); hand-typed names may not resolve")]
        public static partial void ListFailed(ILogger logger, string error);
    }
}
