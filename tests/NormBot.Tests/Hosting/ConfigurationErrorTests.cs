using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Hosting;

public sealed class ConfigurationErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Run_NoBotToken_Exits2WithOneClearLine()
    {
        var result = await NormBotProcess.RunAsync(new Dictionary<string, string?> { ["Slack__SigningSecret"] = "s" }, Timeout);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(Lines(result.StandardError), Is.EqualTo(new[] { "Slack:BotToken is required outside demo (unless Slack:ClientId sets up OAuth installs); it starts with xoxb- (for example xoxb-1234-5678-abcdef)" }));
    }

    [Test]
    public async Task Run_SeveralProblems_NamesEachKeyOnItsOwnLineWithoutStackTrace()
    {
        var result = await NormBotProcess.RunAsync(
            new Dictionary<string, string?>
            {
                ["Slack__BotToken"] = "xoxp-user-token",
                ["Slack__AppToken"] = "bad",
                ["Slack__ApiBaseUrl"] = "not a url",
                ["Storage__Provider"] = "Mongo",
                ["Storage__RetentionDays"] = "0",
                ["Jobs__OverdueScanInterval"] = "banana",
            },
            Timeout);

        var lines = Lines(result.StandardError);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(lines, Has.Some.StartsWith("Slack:BotToken must be a bot token starting with xoxb-"));
        Assert.That(lines, Has.Some.StartsWith("Slack:AppToken must be an app-level token starting with xapp-"));
        Assert.That(lines, Has.Some.StartsWith("Slack:ApiBaseUrl must be an absolute http(s) URL"));
        Assert.That(lines, Has.Some.StartsWith("Storage:Provider must be Sqlite or Postgres"));
        Assert.That(lines, Has.Some.StartsWith("Storage:RetentionDays must be between 1 and 3650"));
        Assert.That(lines, Has.Some.StartsWith("Jobs:OverdueScanInterval is not a valid time span"));
        Assert.That(lines, Has.Count.EqualTo(6));
        Assert.That(result.StandardError + result.StandardOutput, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task Run_BadNormsDefaultsAndInboxSettings_Exits2NamingEachKey()
    {
        var result = await NormBotProcess.RunAsync(
            new Dictionary<string, string?>
            {
                ["Slack__BotToken"] = "xoxb-1",
                ["Slack__SigningSecret"] = "s",
                ["Norms__Defaults__response-time"] = "soon",
                ["Norms__Defaults__colour"] = "blue",
                ["Storage__InboxMaxAttempts"] = "0",
                ["Storage__Lease"] = "00:00:00",
            },
            Timeout);

        var lines = Lines(result.StandardError);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(lines, Has.Some.StartsWith("Norms:Defaults:response-time is not valid (").And.EndsWith("; for example 4h"));
        Assert.That(lines, Has.Some.StartsWith("Norms:Defaults:colour is not a protocol key; use one of response-time, "));
        Assert.That(lines, Has.Some.StartsWith("Storage:InboxMaxAttempts must be between 1 and 20, not 0"));
        Assert.That(lines, Has.Some.StartsWith("Storage:Lease must be between 00:00:01 and 01:00:00"));
        Assert.That(lines, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Run_SocketModeWithoutSigningSecret_IsAccepted()
    {
        var result = await NormBotProcess.RunAsync(
            new Dictionary<string, string?> { ["Slack__BotToken"] = "xoxb-1", ["Slack__AppToken"] = "xapp-1", ["Storage__Provider"] = "Nope" },
            Timeout);

        // Only the storage problem is reported: Socket Mode needs no signing secret.
        Assert.That(Lines(result.StandardError), Is.EqualTo(new[] { "Storage:Provider must be Sqlite or Postgres, not \"Nope\"; for example Sqlite" }));
    }

    [Test]
    public async Task Run_OAuthHalfSetUp_NamesEachMissingKeyOnItsOwnLine()
    {
        var result = await NormBotProcess.RunAsync(
            new Dictionary<string, string?>
            {
                ["Slack__SigningSecret"] = "s",
                ["Slack__ClientId"] = "1111.2222",
                ["Slack__InstallBaseUrl"] = "normbot.example.com",
                ["Slack__PreviousTokenEncryptionKeys__0"] = "too-short",
            },
            Timeout);

        // No Slack:BotToken line: with OAuth installs it is optional.
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(Lines(result.StandardError), Is.EqualTo(new[]
        {
            "Slack:ClientSecret is required with Slack:ClientId; copy it from your Slack app's Basic Information page",
            "Slack:InstallBaseUrl must be this server's public base URL with Slack:ClientId, not \"normbot.example.com\"; for example https://normbot.example.com",
            "Slack:TokenEncryptionKey must be 32 random bytes in base64 with Slack:ClientId (it encrypts installed tokens); generate one with: openssl rand -base64 32",
            "Slack:PreviousTokenEncryptionKeys:0 must be 32 bytes in base64, like Slack:TokenEncryptionKey; generate one with: openssl rand -base64 32",
        }));
    }

    [Test]
    public async Task UnknownVerb_Exits2AndListsVerbs()
    {
        var result = await NormBotProcess.RunAsync(new Dictionary<string, string?>(), Timeout, "frobnicate");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("run (default), demo, inbox, manifest or healthcheck"));
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
