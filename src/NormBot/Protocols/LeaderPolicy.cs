using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NormBot.Norms;
using NormBot.Slack.Api;

namespace NormBot.Protocols;

/// <summary>
/// Who may change protocols (PRODUCT §7): workspace admins and owners (from users.info, cached briefly so a
/// burst of commands costs one call), the users listed in <c>Norms:Leaders</c>, and those added with
/// <c>/norms leaders add</c>.
/// </summary>
public sealed partial class LeaderPolicy(
    ISlackApi slack, LeaderStore leaders, IOptions<NormsOptions> options, TimeProvider time, ILogger<LeaderPolicy> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Team, string User), (DateTimeOffset At, bool IsAdmin)> _admins = new();

    public IReadOnlyList<string> ConfiguredLeaders => options.Value.Leaders;

    public bool IsConfiguredLeader(string userId) => options.Value.Leaders.Contains(userId, StringComparer.Ordinal);

    public async Task<bool> IsLeaderAsync(string teamId, string userId, CancellationToken ct) =>
        IsConfiguredLeader(userId)
        || (await leaders.AllAsync(teamId, ct)).Contains(userId, StringComparer.Ordinal)
        || await IsAdminOrOwnerAsync(teamId, userId, ct);

    public async Task<bool> IsAdminOrOwnerAsync(string teamId, string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_admins.TryGetValue((teamId, userId), out var cached) && now - cached.At < CacheFor)
        {
            return cached.IsAdmin;
        }

        try
        {
            var user = await slack.GetUserInfoAsync(userId, ct);
            var isAdmin = user.IsAdmin || user.IsOwner;
            _admins[(teamId, userId)] = (now, isAdmin);
            return isAdmin;
        }
        catch (SlackApiException e)
        {
            // Refusing is the safe answer when Slack cannot say; not cached, so the next try asks again.
            Log.UserInfoFailed(logger, userId, e.Error);
            return false;
        }
    }

    /// <summary>One line naming who can run leader subcommands, for the refusal reply and <c>leaders list</c>.</summary>
    public async Task<string> WhoCanAsync(string teamId, CancellationToken ct)
    {
        var named = ConfiguredLeaders.Concat(await leaders.AllAsync(teamId, ct)).Distinct(StringComparer.Ordinal).ToList();
        return named.Count == 0
            ? "workspace admins and owners"
            : "workspace admins and owners, and " + string.Join(", ", named.Select(u => $"<@{u}>"));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "users.info for {UserId} failed ({Error}); treating as not an admin")]
        public static partial void UserInfoFailed(ILogger logger, string userId, string error);
    }
}
