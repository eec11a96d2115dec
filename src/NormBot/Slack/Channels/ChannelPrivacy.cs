using System.Collections.Concurrent;
using NormBot.Slack.Api;

namespace NormBot.Slack.Channels;

/// <summary>
/// Who may read a channel's text (PRODUCT §12): a private channel's words are quoted only inside that channel or to
/// its members. Facts come from <c>conversations.info</c> and <c>conversations.members</c>, kept a few minutes; when
/// Slack cannot tell, the channel counts as private and nobody as a member, so a failure hides text rather than leaks it.
/// </summary>
public sealed partial class ChannelPrivacy(ISlackClients slack, TimeProvider time, ILogger<ChannelPrivacy> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    // Up to this many unknown channels are asked about one by one; more, and one listing answers for all.
    private const int OneByOneUpTo = 3;

    private readonly ConcurrentDictionary<(string Team, string Channel), Cached<ChannelFacts>> _facts = new();
    private readonly ConcurrentDictionary<(string Team, string Channel), Cached<HashSet<string>>> _members = new();

    /// <summary>Whether <paramref name="channelId"/>'s text may be shown to <paramref name="audience"/>.</summary>
    public async Task<bool> MayQuoteAsync(string teamId, string channelId, QuoteAudience audience, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (audience.ChannelId == channelId)
        {
            return true;
        }

        if (!(await FactsAsync(teamId, channelId, ct)).IsPrivate)
        {
            return true;
        }

        return audience.UserId is { } user && (await MembersAsync(teamId, channelId, ct)).Contains(user);
    }

    /// <summary>
    /// Learns many channels at once before they are asked about: one paged <c>conversations.list</c> (Tier 2) answers for
    /// every channel the bot can see, where a <c>conversations.info</c> each (Tier 3, about 50 a minute) kept a workspace's
    /// stats over 200 channels waiting four minutes. A channel it does not list is still asked about on its own.
    /// </summary>
    public async Task LearnAsync(string teamId, IEnumerable<string> channelIds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (channelIds.Count(c => !Fresh(_facts, (teamId, c), now, out _)) <= OneByOneUpTo)
        {
            return;
        }

        try
        {
            await foreach (var channel in slack.For(teamId).GetConversationsAsync(ct))
            {
                _facts[(teamId, channel.Id)] = new(new ChannelFacts(channel.IsPrivate || channel.IsIm, channel.IsExtShared), now);
            }
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            Log.ListFailed(logger, ex is SlackApiException api ? api.Error : ex.GetType().Name);
        }
    }

    /// <summary>The channel's privacy and sharing, as far as Slack tells the bot.</summary>
    public async Task<ChannelFacts> FactsAsync(string teamId, string channelId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Fresh(_facts, (teamId, channelId), now, out var known))
        {
            return known;
        }

        ChannelFacts facts;
        try
        {
            var info = await slack.For(teamId).GetConversationInfoAsync(channelId, ct);
            facts = new ChannelFacts(info.IsPrivate || info.IsIm, info.IsExtShared);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            Log.Unknown(logger, channelId, ex is SlackApiException api ? api.Error : ex.GetType().Name);
            return ChannelFacts.Unknown;
        }

        _facts[(teamId, channelId)] = new(facts, now);
        return facts;
    }

    private async Task<HashSet<string>> MembersAsync(string teamId, string channelId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Fresh(_members, (teamId, channelId), now, out var known))
        {
            return known;
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var member in slack.For(teamId).GetConversationMembersAsync(channelId, ct))
            {
                members.Add(member);
            }
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            Log.Unknown(logger, channelId, ex is SlackApiException api ? api.Error : ex.GetType().Name);
            return [];
        }

        _members[(teamId, channelId)] = new(members, now);
        return members;
    }

    private static bool Fresh<T>(ConcurrentDictionary<(string Team, string Channel), Cached<T>> cache, (string, string) key, DateTimeOffset now, out T value)
    {
        var fresh = cache.TryGetValue(key, out var cached) && now - cached.At < FreshFor;
        value = fresh ? cached!.Value : default!;
        return fresh;
    }

    private sealed record Cached<T>(T Value, DateTimeOffset At);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Could not learn who may read {Channel} ({Error}); its text stays hidden")]
        public static partial void Unknown(ILogger logger, string channel, string error);

        [LoggerMessage(Level = LogLevel.Information, Message = "Listing the workspace's channels failed ({Error}); each is asked about on its own")]
        public static partial void ListFailed(ILogger logger, string error);
    }
}
