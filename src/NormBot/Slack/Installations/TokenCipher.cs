using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NormBot.Slack.Installations;

/// <summary>
/// Bot tokens at rest: AES-256-GCM under <c>Slack:TokenEncryptionKey</c>, a key that lives in configuration (an
/// environment variable or secret store), never beside the data, so a copied database or backup holds no usable token.
/// Stored as <c>v1.{key id}.{nonce|tag|ciphertext}</c>; the workspace id is authenticated with it, so a token moved to
/// another workspace's row does not decrypt. Keys in <c>Slack:PreviousTokenEncryptionKeys</c> still decrypt (rotation).
/// </summary>
public sealed class TokenCipher
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string? _currentId;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public TokenCipher(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var text in options.Value.PreviousTokenEncryptionKeys.Prepend(options.Value.TokenEncryptionKey))
        {
            if (TryParseKey(text, out var key))
            {
                _currentId ??= KeyId(key);
                _keys.TryAdd(KeyId(key), key);
            }
        }
    }

    public bool IsConfigured => _currentId is not null;

    /// <summary>A key is 32 random bytes in base64 (<c>openssl rand -base64 32</c>).</summary>
    public static bool TryParseKey(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[64];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var length) || length != 32)
        {
            return false;
        }

        key = buffer[..32];
        return true;
    }

    public string Encrypt(string teamId, string token)
    {
        var keyId = _currentId ?? throw new InvalidOperationException("Slack:TokenEncryptionKey is not configured.");
        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[keyId], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Context(teamId));
        return $"{Version}.{keyId}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>Throws <see cref="CryptographicException"/> for a token under an unknown key or of another workspace.</summary>
    public string Decrypt(string teamId, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('.');
        if (parts is not [Version, var keyId, var payload] || !_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException("The stored token was encrypted with a key that is not configured.");
        }

        var sealedBytes = Convert.FromBase64String(payload);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Context(teamId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Whether a stored token is under the current key (rotation re-encrypts the others).</summary>
    public bool IsCurrent(string stored) => _currentId is not null && stored.StartsWith($"{Version}.{_currentId}.", StringComparison.Ordinal);

    private static string KeyId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];

    private static byte[] Context(string teamId) => Encoding.UTF8.GetBytes($"normbot-bot-token:{teamId}");
}
