using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NormBot.Slack.Blocks;

namespace NormBot.Slack.Api;

/// <summary>
/// Typed Slack Web API client bound to one workspace (<see cref="ISlackClients.For"/>): JSON for write methods, form
/// bodies for the read methods Slack only accepts that way. A null team is the configured <c>Slack:BotToken</c>.
/// </summary>
public sealed partial class SlackApiClient(
    HttpClient http, string? teamId, IWorkspaceTokens tokens, IOptions<SlackOptions> options, SlackRatePacer pacer, ILogger<SlackApiClient> logger)
    : ISlackApi
{
    // Slack's recommended page size; larger pages count the same against the tier.
    private const string PageSize = "200";

    public Task<AuthTestResponse> AuthTestAsync(CancellationToken ct) =>
        CallAsync<AuthTestResponse>("auth.test", Form(), null, ct);

    public Task<PostMessageResponse> PostMessageAsync(PostMessage message, CancellationToken ct) =>
        CallAsync<PostMessageResponse>("chat.postMessage", Json(message), message.Channel, ct);

    public async Task<string> PostEphemeralAsync(PostEphemeral message, CancellationToken ct) =>
        (await CallAsync<PostEphemeralResponse>("chat.postEphemeral", Json(message), null, ct)).MessageTs;

    public Task<PostMessageResponse> UpdateMessageAsync(UpdateMessage message, CancellationToken ct) =>
        CallAsync<PostMessageResponse>("chat.update", Json(message), null, ct);

    public async Task<string> GetPermalinkAsync(string channel, string messageTs, CancellationToken ct) =>
        (await CallAsync<PermalinkResponse>("chat.getPermalink", Form(("channel", channel), ("message_ts", messageTs)), null, ct)).Permalink;

    public async Task<ConversationInfo> GetConversationInfoAsync(string channel, CancellationToken ct) =>
        (await CallAsync<ConversationInfoResponse>("conversations.info", Form(("channel", channel)), null, ct)).Channel
        ?? throw new SlackApiException("conversations.info", "invalid_response");

    public IAsyncEnumerable<string> GetConversationMembersAsync(string channel, CancellationToken ct) =>
        PagesAsync<MembersPage, string>("conversations.members", [("channel", channel)], p => p.Members, ct);

    public IAsyncEnumerable<SlackMessage> GetConversationRepliesAsync(string channel, string ts, CancellationToken ct) =>
        PagesAsync<MessagesPage, SlackMessage>("conversations.replies", [("channel", channel), ("ts", ts)], p => p.Messages, ct);

    public async Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken ct) =>
        (await CallAsync<UserInfoResponse>("users.info", Form(("user", userId)), null, ct)).User
        ?? throw new SlackApiException("users.info", "invalid_response");

    public Task<DndInfo> GetDndInfoAsync(string userId, CancellationToken ct) =>
        CallAsync<DndInfo>("dnd.info", Form(("user", userId)), null, ct);

    public IAsyncEnumerable<SlackUser> GetUsersAsync(CancellationToken ct) =>
        PagesAsync<UsersPage, SlackUser>("users.list", [], p => p.Members, ct);

    public IAsyncEnumerable<ConversationInfo> GetConversationsAsync(CancellationToken ct) =>
        PagesAsync<ConversationsPage, ConversationInfo>("conversations.list", [("types", "public_channel,private_channel"), ("exclude_archived", "true")], p => p.Channels, ct);

    public async Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken ct) =>
        (await CallAsync<UserGroupMembersResponse>("usergroups.users.list", Form(("usergroup", userGroupId)), null, ct)).Users ?? [];

    public Task PublishViewAsync(string userId, View view, CancellationToken ct) =>
        CallAsync<SlackResponse>("views.publish", Json(new ViewRequest(view) { UserId = userId }), null, ct);

    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken ct) =>
        new((await AppCallAsync<UrlResponse>("apps.connections.open", Form(), ct)).Url);

    public async Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        if (!ResponseUrlPolicy.Allows(responseUrl, options.Value.ApiBaseUrl))
        {
            throw new SlackApiException("response_url", "response_url_not_slack");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = Json(message) };
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        // Failures come back as a non-2xx status, sometimes with {"ok":false,"error":...} (e.g. expired_url).
        var error = body.StartsWith('{') ? JsonSerializer.Deserialize<SlackResponse>(body, SlackApiJson.Options) : null;
        if (!response.IsSuccessStatusCode || error is { Ok: false, Error: not null })
        {
            Log.ResponseUrlFailed(logger, (int)response.StatusCode);
            throw new SlackApiException("response_url", error?.Error ?? $"http_{(int)response.StatusCode}");
        }
    }

    private async IAsyncEnumerable<TItem> PagesAsync<TPage, TItem>(
        string method,
        (string Key, string? Value)[] args,
        Func<TPage, IReadOnlyList<TItem>?> items,
        [EnumeratorCancellation] CancellationToken ct)
        where TPage : SlackResponse
    {
        string? cursor = null;
        do
        {
            var page = await CallAsync<TPage>(method, Form([.. args, ("limit", PageSize), ("cursor", cursor)]), null, ct);
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }

            cursor = page.ResponseMetadata?.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));
    }
}
