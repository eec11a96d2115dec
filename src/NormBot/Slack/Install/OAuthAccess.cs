using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NormBot.Slack.Api;

namespace NormBot.Slack.Install;

/// <summary>Exchanges an install's code for the workspace's bot token with <c>oauth.v2.access</c> (form fields, on <c>Slack:ApiBaseUrl</c>).</summary>
public sealed class OAuthAccess(IHttpClientFactory httpClients, IOptions<SlackOptions> options)
{
    public const string Method = "oauth.v2.access";

    /// <summary>Slack's answer, <c>ok:false</c> included; a <see cref="SlackApiException"/> when there was no readable answer.</summary>
    public async Task<OAuthAccessResponse> ExchangeAsync(string code, string redirectUri, CancellationToken ct)
    {
        var slack = options.Value;
        using var content = new FormUrlEncodedContent(
        [
            new("code", code),
            new("client_id", slack.ClientId!),
            new("client_secret", slack.ClientSecret!),
            new("redirect_uri", redirectUri),
        ]);
        try
        {
            using var response = await httpClients.CreateClient(SlackApiSetup.HttpClientName).PostAsync(Method, content, ct);
            OAuthAccessResponse? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync<OAuthAccessResponse>(SlackApiJson.Options, ct);
            }
            catch (JsonException) when (!response.IsSuccessStatusCode)
            {
                // An HTML error page; the status says enough.
            }

            return body ?? throw new SlackApiException(Method, $"http_{(int)response.StatusCode}");
        }
        catch (TimeoutException ex)
        {
            throw new SlackApiException(Method, SlackErrors.Timeout, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SlackApiException(Method, SlackErrors.ForException(ex), ex);
        }
    }
}
