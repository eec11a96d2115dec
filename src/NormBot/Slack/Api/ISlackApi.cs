using NormBot.Slack.Blocks;

namespace NormBot.Slack.Api;

/// <summary>The Slack Web API methods NormBot calls; <c>ok:false</c> surfaces as <see cref="SlackApiException"/>.</summary>
public interface ISlackApi
{
    Task<AuthTestResponse> AuthTestAsync(CancellationToken ct);

    Task<PostMessageResponse> PostMessageAsync(PostMessage message, CancellationToken ct);

    /// <summary>Returns the ephemeral message's <c>message_ts</c>.</summary>
    Task<string> PostEphemeralAsync(PostEphemeral message, CancellationToken ct);

    Task<PostMessageResponse> UpdateMessageAsync(UpdateMessage message, CancellationToken ct);

    Task<string> GetPermalinkAsync(string channel, string messageTs, CancellationToken ct);

    Task<ConversationInfo> GetConversationInfoAsync(string channel, CancellationToken ct);

    /// <summary>The member ids of a channel, following <c>next_cursor</c>: who may read a private channel's text.</summary>
    IAsyncEnumerable<string> GetConversationMembersAsync(string channel, CancellationToken ct);

    /// <summary>The parent then its replies, oldest first, across all pages.</summary>
    IAsyncEnumerable<SlackMessage> GetConversationRepliesAsync(string channel, string ts, CancellationToken ct);

    Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken ct);

    /// <summary>A user's Do Not Disturb schedule (<c>dnd.info</c>), from which <c>hours slack</c> reads their hours.</summary>
    Task<DndInfo> GetDndInfoAsync(string userId, CancellationToken ct);

    /// <summary>Every user of the workspace (bots and deactivated ones included), following <c>next_cursor</c>.</summary>
    IAsyncEnumerable<SlackUser> GetUsersAsync(CancellationToken ct);

    /// <summary>Public and private channels the bot can see, archived ones left out, following <c>next_cursor</c>.</summary>
    IAsyncEnumerable<ConversationInfo> GetConversationsAsync(CancellationToken ct);

    /// <summary>The member ids of a user group; Slack answers with all of them at once (no paging).</summary>
    Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken ct);

    Task PublishViewAsync(string userId, View view, CancellationToken ct);

    /// <summary>Calls <c>apps.connections.open</c> with the app-level token; returns the WebSocket URL.</summary>
    Task<Uri> OpenSocketConnectionAsync(CancellationToken ct);

    /// <summary>POSTs to an interaction's <c>response_url</c>; the URL itself is the credential, so no auth header.</summary>
    Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken ct);
}
