using Microsoft.Extensions.Options;
using NormBot.Hosting;

namespace NormBot.Slack;

/// <summary>Names every missing or malformed <c>Slack:*</c> setting, one line each.</summary>
public sealed class SlackOptionsValidator(AppMode mode) : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            if (mode != AppMode.Demo)
            {
                problems.Add("Slack:BotToken is required outside demo; it starts with xoxb- (for example xoxb-1234-5678-abcdef)");
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

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL, not \"{options.ApiBaseUrl}\"; for example https://slack.com/api/");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
