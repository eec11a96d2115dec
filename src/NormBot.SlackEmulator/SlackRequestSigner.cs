using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NormBot.SlackEmulator;

/// <summary>Computes Slack request signatures so tests can sign HTTP requests they send to the bot.</summary>
public static class SlackRequestSigner
{
    /// <summary>Returns <c>v0=</c> + lowercase hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c> keyed by the secret.</summary>
    public static string Sign(string signingSecret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        ArgumentNullException.ThrowIfNull(body);

        // The secret is an opaque string: Slack uses its UTF-8 bytes as the key, never a decoded form.
        var key = Encoding.UTF8.GetBytes(signingSecret);
        var baseString = string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:{body}");
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(baseString));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Signs with the current Unix time and returns the two header values Slack would send.</summary>
    public static (string Timestamp, string Signature) SignNow(string signingSecret, string body, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds();
        return (now.ToString(CultureInfo.InvariantCulture), Sign(signingSecret, now, body));
    }
}
