namespace NormBot.Slack.Api;

/// <summary>
/// Which <c>response_url</c>s the bot calls (PRODUCT §12): Slack's hooks host, or the configured <c>Slack:ApiBaseUrl</c>
/// host (an emulator), over https; plain http only on loopback. A forged payload cannot make the bot POST to any
/// other address: the URL comes from the request body.
/// </summary>
public static class ResponseUrlPolicy
{
    public const string SlackHooksHost = "hooks.slack.com";

    public static bool Allows(Uri url, string apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            return false;
        }

        return url.IdnHost.Equals(SlackHooksHost, StringComparison.OrdinalIgnoreCase)
            || (Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var api) && url.IdnHost.Equals(api.IdnHost, StringComparison.OrdinalIgnoreCase));
    }
}
