using Microsoft.Extensions.Options;
using NormBot.Norms;
using NormBot.Slack.Users;

namespace NormBot.Protocols;

/// <summary>
/// Who may change protocols (PRODUCT §7): workspace admins and owners (from users.info, cached briefly so a
/// burst of commands costs one call), the users listed in <c>Norms:Leaders</c>, and those added with
/// <c>/norms leaders add</c>.
/// </summary>
public sealed class LeaderPolicy(UserDirectory users, LeaderStore leaders, IOptions<NormsOptions> options)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> ConfiguredLeaders => options.Value.Leaders;

    public bool IsConfiguredLeader(string userId) => options.Value.Leaders.Contains(userId, StringComparer.Ordinal);

    public async Task<bool> IsLeaderAsync(string teamId, string userId, CancellationToken ct) =>
        IsConfiguredLeader(userId)
        || (await leaders.AllAsync(teamId, ct)).Contains(userId, StringComparer.Ordinal)
        || await IsAdminOrOwnerAsync(teamId, userId, ct);

    public async Task<bool> IsAdminOrOwnerAsync(string teamId, string userId, CancellationToken ct)
    {
        // Refusing is the safe answer when Slack cannot say (the directory returns null and logs why).
        var profile = await users.GetAsync(teamId, userId, ct, CacheFor);
        return profile is { IsAdmin: true } or { IsOwner: true };
    }

    /// <summary>The leaders by name: <c>Norms:Leaders</c> and those added with <c>/norms leaders add</c> (admins and owners are not listed).</summary>
    public async Task<IReadOnlyList<string>> NamedLeadersAsync(string teamId, CancellationToken ct) =>
        ConfiguredLeaders.Concat(await leaders.AllAsync(teamId, ct)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>One line naming who can run leader subcommands, for the refusal reply and <c>leaders list</c>.</summary>
    public async Task<string> WhoCanAsync(string teamId, CancellationToken ct)
    {
        var named = await NamedLeadersAsync(teamId, ct);
        return named.Count == 0
            ? "workspace admins and owners"
            : "workspace admins and owners, and " + string.Join(", ", named.Select(u => $"<@{u}>"));
    }
}
