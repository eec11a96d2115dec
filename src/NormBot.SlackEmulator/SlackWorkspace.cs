using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>
/// One emulated workspace (team): its bot, seeded users, conversations, messages and views; all methods are thread-safe.
/// Every Web API call acts on the workspace its bot token belongs to.
/// </summary>
public sealed class SlackWorkspace
{
    private readonly Dictionary<string, EmulatedUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _homeViews = new(StringComparer.Ordinal);
    private int _installs;
    private readonly Dictionary<string, List<string>> _userGroups = new(StringComparer.Ordinal);

    internal SlackWorkspace(SlackEmulatorOptions options, string teamId, string teamName, string botToken, string botUserId, string botId)
    {
        Options = options;
        TeamId = teamId;
        TeamName = teamName;
        BotToken = botToken;
        BotUserId = botUserId;
        BotId = botId;
        Clock = new TsClock(options.TimeProvider);
        AddUser(botUserId, options.BotUserName, isBot: true);
    }

    internal SlackEmulatorOptions Options { get; }

    public string TeamId { get; }

    public string TeamName { get; }

    public string BotUserId { get; }

    public string BotId { get; }

    public string BotUserName => Options.BotUserName;

    /// <summary>The bot token that acts on this workspace now; each OAuth install issues a new one.</summary>
    public string BotToken { get; private set; }

    /// <summary>Set by <see cref="RevokeToken"/>: the current token answers <c>token_revoked</c>, as after an uninstall.</summary>
    public bool TokenRevoked { get; private set; }

    public void RevokeToken() => TokenRevoked = true;

    /// <summary>An install (or reinstall) by OAuth: a fresh token replaces the old one, which stops working.</summary>
    internal string Reinstall()
    {
        lock (Sync)
        {
            BotToken = $"xoxb-{TeamId}-install{++_installs}-{Guid.NewGuid():N}";
            TokenRevoked = false;
            return BotToken;
        }
    }

    internal TsClock Clock { get; }

    /// <summary>One lock for the whole workspace keeps multi-step methods (post + thread bookkeeping) atomic.</summary>
    internal Lock Sync { get; } = new();

    public IReadOnlyList<EmulatedUser> Users { get { lock (Sync) { return [.. _users.Values]; } } }

    public IReadOnlyList<EmulatedChannel> Channels { get { lock (Sync) { return [.. _channels.Values.Select(c => c.Snapshot())]; } } }

    public EmulatedUser AddUser(string id, string name, string tz = "America/New_York", bool isAdmin = false, bool isOwner = false, bool isBot = false, bool deleted = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var user = new EmulatedUser(id, name, tz, isAdmin, isOwner, isBot) { Deleted = deleted };
        lock (Sync)
        {
            _users[id] = user;
        }

        return user;
    }

    /// <summary>Adds a public (C...) or private (G...) channel; include <c>BotUserId</c> in members if the bot should be in it.</summary>
    public EmulatedChannel AddChannel(string id, string name, params string[] memberIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (Sync)
        {
            var channel = new ChannelState(id, name, isIm: false, dmUserId: null, Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds());
            channel.Members.AddRange(memberIds.Distinct(StringComparer.Ordinal));
            _channels[id] = channel;
            return channel.Snapshot();
        }
    }

    public void AddMembers(string channelId, params string[] userIds)
    {
        lock (Sync)
        {
            var channel = _channels.GetValueOrDefault(channelId) ?? throw new KeyNotFoundException($"No channel {channelId}");
            channel.Members.AddRange(userIds.Where(u => !channel.Members.Contains(u)));
        }
    }

    /// <summary>Shares a channel with another organisation (Slack Connect): conversations.info says <c>is_ext_shared</c>.</summary>
    public void ShareExternally(string channelId)
    {
        lock (Sync)
        {
            (_channels.GetValueOrDefault(channelId) ?? throw new KeyNotFoundException($"No channel {channelId}")).IsExtShared = true;
        }
    }

    /// <summary>Sets a user's status as Slack's status picker would; <paramref name="expiration"/> null means "don't clear".</summary>
    public EmulatedUser SetStatus(string userId, string emoji, string text, DateTimeOffset? expiration = null) =>
        ChangeUser(userId, u => u with { StatusEmoji = emoji, StatusText = text, StatusExpiration = expiration?.ToUnixTimeSeconds() ?? 0 });

    /// <summary>Sets a user's notification schedule (Slack's Preferences > Notifications): Do Not Disturb outside it.</summary>
    public EmulatedUser SetNotificationSchedule(string userId, TimeOnly from, TimeOnly until) =>
        ChangeUser(userId, u => u with { NotifyFrom = from, NotifyUntil = until });

    /// <summary>Adds or replaces a user group (S...) and its members, as usergroups.users.list will list them.</summary>
    public void SetUserGroup(string id, params string[] memberIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        lock (Sync)
        {
            _userGroups[id] = [.. memberIds.Distinct(StringComparer.Ordinal)];
        }
    }

    internal IReadOnlyList<string>? UserGroupMembers(string id) => _userGroups.TryGetValue(id, out var members) ? [.. members] : null;

    internal IReadOnlyList<EmulatedUser> UsersInOrder() => [.. _users.Values.OrderBy(u => u.Id, StringComparer.Ordinal)];

    internal IReadOnlyList<ChannelState> ConversationsInOrder() => [.. _channels.Values.OrderBy(c => c.Id, StringComparer.Ordinal)];

    public EmulatedUser? FindUser(string id) { lock (Sync) { return _users.GetValueOrDefault(id); } }

    public EmulatedChannel? FindChannel(string id) { lock (Sync) { return _channels.GetValueOrDefault(id)?.Snapshot(); } }

    /// <summary>Seeds a human message (top level, or a reply when <paramref name="threadTs"/> is set) and returns its ts.</summary>
    public string AddMessage(string channelId, string userId, string text, string? threadTs = null)
    {
        lock (Sync)
        {
            var channel = _channels.GetValueOrDefault(channelId) ?? throw new KeyNotFoundException($"No channel {channelId}");
            var message = new JsonObject { ["type"] = "message", ["user"] = userId, ["text"] = text, ["team"] = TeamId };
            return Threads.Append(channel, message, threadTs, Clock.Next());
        }
    }

    /// <summary>All messages of a conversation, replies included, oldest first (copies).</summary>
    public IReadOnlyList<JsonObject> GetMessages(string channelId)
    {
        lock (Sync)
        {
            return _channels.TryGetValue(channelId, out var channel) ? [.. channel.Messages.Select(m => m.DeepClone().AsObject())] : [];
        }
    }

    /// <summary>Deletes a message as a person would in Slack; later calls about it answer message_not_found.</summary>
    public bool DeleteMessage(string channelId, string ts)
    {
        lock (Sync) { return _channels.GetValueOrDefault(channelId)?.Messages.RemoveAll(m => (string?)m["ts"] == ts) > 0; }
    }

    public JsonObject? FindMessage(string channelId, string ts)
    {
        lock (Sync) { return _channels.GetValueOrDefault(channelId)?.FindMessage(ts)?.DeepClone().AsObject(); }
    }

    /// <summary>The Home tab view last published for a user via views.publish, if any.</summary>
    public JsonObject? GetHomeView(string userId)
    {
        lock (Sync) { return _homeViews.GetValueOrDefault(userId)?.DeepClone().AsObject(); }
    }

    private EmulatedUser ChangeUser(string userId, Func<EmulatedUser, EmulatedUser> change)
    {
        lock (Sync)
        {
            var user = _users.GetValueOrDefault(userId) ?? throw new KeyNotFoundException($"No user {userId}");
            return _users[userId] = change(user);
        }
    }

    internal ChannelState? Channel(string id) => _channels.GetValueOrDefault(id);

    /// <summary>Only chat.postMessage-style targets accept a channel name; every other method wants the id.</summary>
    internal ChannelState? ChannelByIdOrName(string target) =>
        _channels.GetValueOrDefault(target) ?? _channels.Values.FirstOrDefault(c => !c.IsIm && c.Name == target.TrimStart('#'));

    internal void SetHomeView(string userId, JsonObject view) => _homeViews[userId] = view;

    /// <summary>Finds or creates the bot's DM with a user; its id mirrors the user id (U123 -> D123).</summary>
    internal ChannelState OpenDm(string userId, out bool alreadyOpen)
    {
        var id = "D" + userId[1..];
        alreadyOpen = _channels.TryGetValue(id, out var dm);
        if (dm is null)
        {
            dm = new ChannelState(id, id, isIm: true, dmUserId: userId, Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds());
            dm.Members.AddRange([userId, BotUserId]);
            _channels[id] = dm;
        }

        return dm;
    }
}
