using Microsoft.Extensions.Options;
using NormBot.Hosting;
using NormBot.Slack.Installations;

namespace NormBot.Slack;

/// <summary>Names every missing or malformed <c>Slack:*</c> setting, one line each.</summary>
public sealed class SlackOptionsValidator(AppMode mode) : IValidateOptions<SlackOptions>
{
    private const string KeyExample = "generate one with: openssl rand -base64 32";

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            if (mode != AppMode.Demo && !options.UsesOAuth)
            {
                problems.Add("Slack:BotToken is required outside demo (unless Slack:ClientId sets up OAuth installs); it starts with xoxb- (for example xoxb-1234-5678-abcdef)");
            }
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            problems.Add("Slack:BotToken must be a bot token starting with xoxb- (for example xoxb-1234-5678-abcdef)");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            problems.Add("Slack:AppToken must be an app-level token starting with xapp- (for example xapp-1-A123-456-abcdef), or left empty for HTTP mode");
        }

        if (!options.UseSocketMode && string.IsNullOrWhiteSpace(options.SigningSecret) && mode != AppMode.Demo)
        {
            problems.Add("Slack:SigningSecret is required in HTTP mode (no Slack:AppToken); copy it from your Slack app's Basic Information page");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            problems.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL, not \"{options.ApiBaseUrl}\"; for example https://slack.com/api/");
        }

        if (options.UsesOAuth)
        {
            ValidateOAuth(options, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateOAuth(SlackOptions options, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            problems.Add("Slack:ClientSecret is required with Slack:ClientId; copy it from your Slack app's Basic Information page");
        }

        if (!IsHttpUrl(options.InstallBaseUrl) || options.InstallBaseUrl!.Contains('?', StringComparison.Ordinal))
        {
            problems.Add($"Slack:InstallBaseUrl must be this server's public base URL with Slack:ClientId, not \"{options.InstallBaseUrl}\"; for example https://normbot.example.com");
        }

        if (!IsHttpUrl(options.AuthorizeUrl))
        {
            problems.Add($"Slack:AuthorizeUrl must be an absolute http(s) URL, not \"{options.AuthorizeUrl}\"; for example {SlackOptions.DefaultAuthorizeUrl}");
        }

        if (!TokenCipher.TryParseKey(options.TokenEncryptionKey, out _))
        {
            problems.Add($"Slack:TokenEncryptionKey must be 32 random bytes in base64 with Slack:ClientId (it encrypts installed tokens); {KeyExample}");
        }

        for (var i = 0; i < options.PreviousTokenEncryptionKeys.Count; i++)
        {
            if (!TokenCipher.TryParseKey(options.PreviousTokenEncryptionKeys[i], out _))
            {
                problems.Add($"Slack:PreviousTokenEncryptionKeys:{i} must be 32 bytes in base64, like Slack:TokenEncryptionKey; {KeyExample}");
            }
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
