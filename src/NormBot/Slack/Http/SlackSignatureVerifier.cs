using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NormBot.Slack.Http;

/// <summary>Slack's v0 request signature: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>, within five minutes.</summary>
public static class SlackSignatureVerifier
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public enum Outcome
    {
        Valid,
        MissingHeaders,
        Stale,
        BadSignature,
    }

    public static Outcome Verify(string signingSecret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (CheckHeaders(timestampHeader, signatureHeader, now) is not Outcome.Valid and var early)
        {
            return early;
        }

        Span<byte> expected = stackalloc byte[32];
        Compute(signingSecret, timestampHeader!, body, expected);
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(signatureHeader.AsSpan(3), given, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return Outcome.BadSignature;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given) ? Outcome.Valid : Outcome.BadSignature;
    }

    /// <summary>What can be checked before the body is read: both headers present, well formed, and fresh.</summary>
    public static Outcome CheckHeaders(string? timestampHeader, string? signatureHeader, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Outcome.MissingHeaders;
        }

        // Both directions: a timestamp from the future is as suspicious as a replay.
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > Window.TotalSeconds)
        {
            return Outcome.Stale;
        }

        // "v0=" + 64 hex chars; any other version is a failure rather than a guess.
        return signatureHeader.Length != 67 || !signatureHeader.StartsWith("v0=", StringComparison.Ordinal) ? Outcome.BadSignature : Outcome.Valid;
    }

    /// <summary>The header value Slack would send; used by the demo and tests to sign their own requests.</summary>
    public static string Sign(string signingSecret, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        Compute(signingSecret, timestamp.ToString(CultureInfo.InvariantCulture), body, mac);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    // One-shot HMAC over "v0:{timestamp}:{body}" in one buffer: an IncrementalHash per request cost four objects and
    // a native context on every event the ack path verifies.
    private static void Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var keyLength = Encoding.UTF8.GetByteCount(signingSecret);
        var key = keyLength <= 256 ? stackalloc byte[keyLength] : new byte[keyLength];
        Encoding.UTF8.GetBytes(signingSecret, key);

        // The timestamp is digits only (Verify parses it first; Sign formats a number), one byte per character.
        var prefix = 4 + timestamp.Length;
        var rented = ArrayPool<byte>.Shared.Rent(prefix + body.Length);
        try
        {
            var message = rented.AsSpan(0, prefix + body.Length);
            "v0:"u8.CopyTo(message);
            Encoding.ASCII.GetBytes(timestamp, message[3..]);
            message[prefix - 1] = (byte)':';
            body.CopyTo(message[prefix..]);
            HMACSHA256.HashData(key, message, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
