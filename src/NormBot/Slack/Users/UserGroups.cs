using Dapper;
using NormBot.Slack.Api;
using NormBot.Storage;

namespace NormBot.Slack.Users;

/// <summary>
/// Members of user groups (<c>usergroups.users.list</c>), kept in <c>user_groups</c> so every replica and a restart
/// see the same answer. <c>subteam_members_changed</c> keeps a group current; without that subscription a group is
/// fetched again once its copy is an hour old.
/// </summary>
public sealed partial class UserGroups(ISlackClients slack, Db db, TimeProvider time, ILogger<UserGroups> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);

    private const string Select = "SELECT members AS Members, fetched_at AS FetchedAt FROM user_groups WHERE team_id = @TeamId AND group_id = @GroupId";

    private const string Upsert = """
        INSERT INTO user_groups (team_id, group_id, members, fetched_at) VALUES (@TeamId, @GroupId, @Members, @FetchedAt)
        ON CONFLICT (team_id, group_id) DO UPDATE SET members = excluded.members, fetched_at = excluded.fetched_at
        """;

    private const string UpdateMembers = "UPDATE user_groups SET members = @Members WHERE team_id = @TeamId AND group_id = @GroupId";

    /// <summary>The group's member ids, or null when Slack cannot tell us (no <c>usergroups:read</c>, no such group, an outage).</summary>
    public async Task<IReadOnlyList<string>?> MembersAsync(string teamId, string groupId, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var connection = await db.OpenAsync(ct))
        {
            var row = await connection.QueryFirstOrDefaultAsync<Row>(Select, new { TeamId = teamId, GroupId = groupId });
            if (row is not null && now - row.FetchedAt < FreshFor.TotalMilliseconds)
            {
                return Split(row.Members);
            }
        }

        try
        {
            var members = await slack.For(teamId).GetUserGroupMembersAsync(groupId, ct);
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(Upsert, new { TeamId = teamId, GroupId = groupId, Members = string.Join(',', members), FetchedAt = now });
            return members;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            Log.LookupFailed(logger, groupId, ex is SlackApiException api ? api.Error : ex.GetType().Name);
            return null;
        }
    }

    /// <summary>Applies a <c>subteam_members_changed</c> to a group we already hold; an unknown group is fetched when first needed.</summary>
    public async Task ApplyChangeAsync(string teamId, string groupId, IReadOnlyCollection<string> added, IReadOnlyCollection<string> removed, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(Select, new { TeamId = teamId, GroupId = groupId });
        if (row is null)
        {
            return;
        }

        var members = Split(row.Members).Except(removed, StringComparer.Ordinal).Concat(added).Distinct(StringComparer.Ordinal);
        await connection.ExecuteAsync(UpdateMembers, new { TeamId = teamId, GroupId = groupId, Members = string.Join(',', members) });
    }

    private static List<string> Split(string members) => [.. members.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private sealed record Row(string Members, long FetchedAt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "usergroups.users.list for {GroupId} failed ({Error}); the ask waits on anyone instead")]
        public static partial void LookupFailed(ILogger logger, string groupId, string error);
    }
}
