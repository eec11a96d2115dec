using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NormBot.Slack;
using NormBot.Slack.Installations;

namespace NormBot.Tests.Slack.Installations;

public sealed class TokenCipherTests
{
    private const string Token = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private static readonly string KeyA = Convert.ToBase64String(new byte[32]);
    private static readonly string KeyB = Convert.ToBase64String([.. Enumerable.Repeat((byte)7, 32)]);

    [Test]
    public void EncryptThenDecrypt_SameWorkspace_TokenBack_NeverInTheClear()
    {
        var cipher = Cipher(KeyA);

        var stored = cipher.Encrypt("T1", Token);

        Assert.That(stored, Does.StartWith("v1.").And.Not.Contain("xoxb"));
        Assert.That(cipher.Decrypt("T1", stored), Is.EqualTo(Token));
        Assert.That(cipher.Encrypt("T1", Token), Is.Not.EqualTo(stored), "a fresh nonce each time");
    }

    [Test]
    public void Decrypt_AnotherWorkspacesRow_Fails()
    {
        var cipher = Cipher(KeyA);

        Assert.That(() => cipher.Decrypt("T2", cipher.Encrypt("T1", Token)), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Rotation_PreviousKeyStillDecrypts_AndIsNotCurrent()
    {
        var stored = Cipher(KeyA).Encrypt("T1", Token);
        var rotated = Cipher(KeyB, KeyA);

        Assert.That(rotated.Decrypt("T1", stored), Is.EqualTo(Token));
        Assert.That(rotated.IsCurrent(stored), Is.False);
        Assert.That(rotated.IsCurrent(rotated.Encrypt("T1", Token)), Is.True);
        Assert.That(() => Cipher(KeyB).Decrypt("T1", stored), Throws.InstanceOf<CryptographicException>(), "a key that was dropped no longer opens it");
    }

    [TestCase("")]
    [TestCase("c2hvcnQ=")] // "short": 5 bytes
    [TestCase("not base64 at all")]
    public void TryParseKey_NotThirtyTwoBytes_Rejected(string key) => Assert.That(TokenCipher.TryParseKey(key, out _), Is.False);

    private static TokenCipher Cipher(string key, params string[] previous) =>
        new(Options.Create(new SlackOptions { TokenEncryptionKey = key, PreviousTokenEncryptionKeys = [.. previous] }));
}
