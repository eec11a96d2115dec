namespace NormBot.Slack;

/// <summary>The <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public const string DefaultAuthorizeUrl = "https://slack.com/oauth/v2/authorize";

    /// <summary><c>xoxb-</c> bot token of the one workspace served without OAuth; its workspace comes from auth.test.</summary>
    public string? BotToken { get; set; }

    /// <summary><c>xapp-</c> app-level token; when set, Socket Mode is used.</summary>
    public string? AppToken { get; set; }

    /// <summary>Signs Slack's HTTP requests; required in HTTP mode.</summary>
    public string? SigningSecret { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>OAuth install (PRODUCT §15) is on when this is set, with the secret, the public base URL and a token key.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The public base URL of this deployment; Slack sends installers back to <c>{InstallBaseUrl}/slack/oauth_redirect</c>.</summary>
    public string? InstallBaseUrl { get; set; }

    public string AuthorizeUrl { get; set; } = DefaultAuthorizeUrl;

    /// <summary>Base64 of 32 random bytes; encrypts installed bot tokens at rest.</summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>Keys rotated out: still decrypt, and tokens under them are re-encrypted with the current key at start.</summary>
    public List<string> PreviousTokenEncryptionKeys { get; set; } = [];

    public bool UseSocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public bool UsesOAuth => !string.IsNullOrWhiteSpace(ClientId);

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);
}
