using Dapper;
using NormBot.Norms.Asks;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;
using NormBot.Storage;

namespace NormBot.Norms.Nudges;

/// <summary>
/// Buttons act only for their owner (PRODUCT §12): the person a nudge about a message was for, as the <c>nudges</c>
/// table recorded when it was sent (never the payload's channel or container), or a leader. An escalation posted
/// to a channel or group belongs to the people the ask waits on. Anyone else gets an ephemeral "this isn't yours".
/// </summary>
public sealed class NudgeOwners(Db db, AskStore asks, LeaderPolicy leaders, ISlackClients clients)
{
    public const string NotYours = ":no_entry_sign: This isn't yours: these buttons work only for the person this message was for (or a leader).";

    private const string Recipients = """
        SELECT DISTINCT user_id FROM nudges WHERE team_id = @TeamId AND channel_id = @ChannelId AND message_ts = @Ts
        """;

    /// <summary>True when <paramref name="request"/>'s user may act on the nudge about <paramref name="channelId"/>/<paramref name="ts"/>; otherwise tells them so.</summary>
    public async Task<bool> CheckAsync(BlockActionRequest request, string channelId, string ts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await MayActAsync(request.TeamId, request.UserId, channelId, ts, ct))
        {
            return true;
        }

        if (Uri.TryCreate(request.ResponseUrl, UriKind.Absolute, out var url))
        {
            await clients.For(request.TeamId).PostToResponseUrlAsync(
                url, new ResponseUrlMessage(NotYours, [new SectionBlock(TextObject.Markdown(NotYours))], ResponseUrlMessage.Ephemeral, ReplaceOriginal: false), ct);
        }

        return false;
    }

    private async Task<bool> MayActAsync(string teamId, string userId, string channelId, string ts, CancellationToken ct)
    {
        List<string> recipients;
        await using (var connection = await db.OpenAsync(ct))
        {
            recipients = (await connection.QueryAsync<string>(Recipients, new { TeamId = teamId, ChannelId = channelId, Ts = ts })).ToList();
        }

        if (recipients.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        // The people an ask waits on may act on it wherever its buttons are: an escalation posted to a channel, a group or
        // the leaders (recorded under that kind, not a person), or the "waits on you" list of their own App Home.
        if ((await asks.OpenAssigneesAsync(teamId, channelId, ts, ct)).Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        return await leaders.IsLeaderAsync(teamId, userId, ct);
    }
}
