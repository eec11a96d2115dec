using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace NormBot.SlackEmulator;

/// <summary>
/// Slack's side of an OAuth v2 install: the authorize page (which approves at once, as if the person clicked Allow)
/// and <c>oauth.v2.access</c>, which trades a single-use code for a fresh bot token of that workspace.
/// </summary>
internal sealed class OAuthFlow(SlackEmulatorOptions options, WorkspaceRegistry workspaces, CallRecorder recorder)
{
    public const string AccessMethod = "oauth.v2.access";
    public const string AuthorizePath = "/oauth/v2/authorize";

    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);

    /// <summary>A code as the authorize page would hand it to the redirect URI.</summary>
    public string IssueCode(SlackWorkspace workspace, string installerUserId, string scopes, string? redirectUri)
    {
        var code = $"{workspace.TeamId}.{Guid.NewGuid():N}";
        _codes[code] = new Grant(workspace, installerUserId, scopes, redirectUri);
        return code;
    }

    /// <summary><c>GET /oauth/v2/authorize</c>: approves for <c>team</c> (default: the first workspace) and redirects back.</summary>
    public Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var args = new JsonObject();
        foreach (var (key, value) in query)
        {
            args[key] = value.ToString();
        }

        var redirect = query["redirect_uri"].ToString();
        var workspace = query["team"].ToString() is { Length: > 0 } team ? workspaces.Find(team) : workspaces.Primary;
        var problem = query["client_id"] != options.ClientId ? "invalid_client_id"
            : !Uri.TryCreate(redirect, UriKind.Absolute, out _) ? "bad_redirect_uri"
            : workspace is null ? "team_not_found"
            : null;
        recorder.Record(new RecordedCall("oauth.authorize", "GET", null, null, args, options.TimeProvider.GetUtcNow(), problem is null ? SlackJson.Ok() : SlackJson.Error(problem))
        {
            StatusCode = problem is null ? 302 : 400,
        });
        if (problem is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync(problem);
        }

        var code = IssueCode(workspace!, options.InstallingUserId, query["scope"].ToString(), redirect);
        context.Response.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"].ToString() }));
        return Task.CompletedTask;
    }

    public JsonObject Access(ApiArgs args)
    {
        if (args.Str("client_id") != options.ClientId)
        {
            throw new SlackApiException("invalid_client_id");
        }

        if (args.Str("client_secret") != options.ClientSecret)
        {
            throw new SlackApiException("bad_client_secret");
        }

        // A code works once, as at Slack.
        if (!_codes.TryRemove(args.Required("code"), out var grant))
        {
            throw new SlackApiException("invalid_code");
        }

        if (grant.RedirectUri is not null && args.Str("redirect_uri") != grant.RedirectUri)
        {
            throw new SlackApiException("bad_redirect_uri");
        }

        var workspace = grant.Workspace;
        var previous = workspace.BotToken;
        var token = workspace.Reinstall();
        workspaces.Retire(previous);
        var response = SlackJson.Ok();
        response["app_id"] = options.AppId;
        response["authed_user"] = new JsonObject { ["id"] = grant.InstallerUserId };
        response["scope"] = grant.Scopes;
        response["token_type"] = "bot";
        response["access_token"] = token;
        response["bot_user_id"] = workspace.BotUserId;
        response["team"] = new JsonObject { ["id"] = workspace.TeamId, ["name"] = workspace.TeamName };
        response["enterprise"] = null;
        response["is_enterprise_install"] = false;
        return response;
    }

    private sealed record Grant(SlackWorkspace Workspace, string InstallerUserId, string Scopes, string? RedirectUri);
}
