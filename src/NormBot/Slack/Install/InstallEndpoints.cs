using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using NormBot.Manifest;
using NormBot.Slack.Api;
using NormBot.Slack.Installations;

namespace NormBot.Slack.Install;

/// <summary>
/// OAuth install (PRODUCT §15): <c>GET /slack/install</c> sends the person to Slack's authorize page with a state
/// bound to a cookie; <c>GET /slack/oauth_redirect</c> checks both, exchanges the code and stores the installation.
/// Nothing is stored unless every check passes. Codes, states and tokens are never logged.
/// </summary>
public static partial class InstallEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string RedirectPath = "/slack/oauth_redirect";
    public const string StateCookie = "normbot_oauth_state";

    public static IEndpointRouteBuilder MapSlackInstall(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(InstallPath, BeginAsync);
        endpoints.MapGet(RedirectPath, FinishAsync);
        return endpoints;
    }

    private static async Task<IResult> BeginAsync(HttpContext http, IOptions<SlackOptions> options, OAuthStateStore states)
    {
        var slack = options.Value;
        if (!slack.UsesOAuth)
        {
            return InstallPages.Failed(StatusCodes.Status404NotFound, "This NormBot server is set up for one workspace and does not offer installs.", null);
        }

        var state = await states.CreateAsync(http.RequestAborted);
        http.Response.Cookies.Append(StateCookie, state, new CookieOptions
        {
            HttpOnly = true,
            Secure = RedirectUri(slack).StartsWith("https:", StringComparison.Ordinal),
            // Lax: the cookie comes back on Slack's top-level redirect to us, and on no cross-site request besides.
            SameSite = SameSiteMode.Lax,
            Path = RedirectPath,
            MaxAge = OAuthStateStore.Lifetime,
            IsEssential = true,
        });
        return Results.Redirect(QueryHelpers.AddQueryString(slack.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = slack.ClientId,
            // The manifest's own list, so an install asks for exactly what this build uses.
            ["scope"] = string.Join(',', SlackScopes.Bot()),
            ["redirect_uri"] = RedirectUri(slack),
            ["state"] = state,
        }));
    }

    private static async Task<IResult> FinishAsync(
        HttpContext http, IOptions<SlackOptions> options, OAuthStateStore states, OAuthAccess access, InstallationDirectory installations,
        TimeProvider time, ILogger<OAuthAccess> logger)
    {
        var slack = options.Value;
        var again = slack.UsesOAuth ? InstallUrl(slack) : null;
        var query = http.Request.Query;
        var (code, state, cookie) = (query["code"].ToString(), query["state"].ToString(), http.Request.Cookies[StateCookie]);
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = RedirectPath });
        var problem = (slack.UsesOAuth, query["error"].ToString()) switch
        {
            (false, _) => "This NormBot server does not offer installs.",
            (_, "access_denied") => "The installation was cancelled in Slack, so nothing was installed.",
            (_, { Length: > 0 } error) => $"Slack stopped the installation ({error}).",
            _ when code.Length == 0 || state.Length == 0 => "This link is missing the code or the state Slack adds to it.",
            _ when string.IsNullOrEmpty(cookie) => "This browser did not bring back the cookie set when the installation began (a different browser, or cookies blocked).",
            _ when !SameText(cookie, state) => "This link belongs to an installation begun in another browser window.",
            _ => null,
        };
        if (problem is null && !await states.ConsumeAsync(state, http.RequestAborted))
        {
            problem = "This installation link has expired or was already used; links work once, for ten minutes.";
        }

        if (problem is not null)
        {
            Log.Refused(logger, problem);
            return InstallPages.Failed(StatusCodes.Status400BadRequest, problem, again);
        }

        OAuthAccessResponse answer;
        try
        {
            answer = await access.ExchangeAsync(code, RedirectUri(slack), http.RequestAborted);
        }
        catch (SlackApiException ex)
        {
            Log.ExchangeFailed(logger, ex.Error);
            return InstallPages.Failed(StatusCodes.Status502BadGateway, $"Slack could not be reached to finish the installation ({ex.Error}). Please try again.", again);
        }

        if (Invalid(answer) is { } refusal)
        {
            Log.ExchangeFailed(logger, refusal);
            return InstallPages.Failed(StatusCodes.Status400BadRequest, $"Slack did not grant the installation ({refusal}).", again);
        }

        var team = answer.Team!;
        await installations.SaveAsync(
            new Installation(team.Id!, team.Name ?? team.Id!, answer.BotUserId!, answer.AccessToken!, answer.Scope ?? "", answer.AuthedUser?.Id, time.GetUtcNow().ToUnixTimeMilliseconds()),
            http.RequestAborted);
        Log.Installed(logger, team.Id!, answer.AuthedUser?.Id ?? "?");
        var appLink = answer.AppId is null ? null : $"https://slack.com/app_redirect?app={Uri.EscapeDataString(answer.AppId)}&team={Uri.EscapeDataString(team.Id!)}";
        return InstallPages.Installed(team.Name ?? "your workspace", appLink);
    }

    /// <summary>Why an answer cannot be stored, or null when it can.</summary>
    private static string? Invalid(OAuthAccessResponse answer) => answer switch
    {
        { Ok: false } => answer.Error ?? "unknown_error",
        { IsEnterpriseInstall: true } => "org-wide installs are not supported; install NormBot in each workspace",
        { TokenType: not "bot" } or { AccessToken: null or "" } or { BotUserId: null or "" } or { Team.Id: null or "" } => "no bot token in Slack's answer",
        _ => null,
    };

    private static bool SameText(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string RedirectUri(SlackOptions slack) => $"{slack.InstallBaseUrl!.TrimEnd('/')}{RedirectPath}";

    private static string InstallUrl(SlackOptions slack) => $"{slack.InstallBaseUrl!.TrimEnd('/')}{InstallPath}";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "NormBot installed in workspace {TeamId} by {UserId}")]
        public static partial void Installed(ILogger logger, string teamId, string userId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Install refused: {Problem}")]
        public static partial void Refused(ILogger logger, string problem);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Install failed: oauth.v2.access answered {Error}")]
        public static partial void ExchangeFailed(ILogger logger, string error);
    }
}
