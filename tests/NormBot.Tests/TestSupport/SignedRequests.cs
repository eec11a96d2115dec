using System.Globalization;
using System.Text;
using NormBot.Slack.Http;

namespace NormBot.Tests.TestSupport;

/// <summary>Builds HTTP requests the way Slack sends them: raw body, timestamp and v0 signature headers.</summary>
public static class SignedRequests
{
    public static HttpRequestMessage Json(string path, string body, DateTimeOffset now, string secret = NormBotFactory.SigningSecret) =>
        Build(path, body, "application/json", now, secret);

    public static HttpRequestMessage Form(string path, IEnumerable<KeyValuePair<string, string>> fields, DateTimeOffset now, string secret = NormBotFactory.SigningSecret)
    {
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return Build(path, body, "application/x-www-form-urlencoded", now, secret);
    }

    public static HttpRequestMessage Build(string path, string body, string contentType, DateTimeOffset now, string secret)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}
