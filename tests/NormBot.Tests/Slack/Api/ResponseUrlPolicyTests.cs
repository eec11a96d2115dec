using NormBot.Slack.Api;

namespace NormBot.Tests.Slack.Api;

/// <summary>PRODUCT §12: a response_url is called only on Slack's hooks host, or the configured API host, over https.</summary>
public sealed class ResponseUrlPolicyTests
{
    [TestCase("https://hooks.slack.com/commands/T0123/456/abc", "https://slack.com/api/", true)]
    [TestCase("https://HOOKS.slack.com/actions/T0123/456/abc", "https://slack.com/api/", true)]
    [TestCase("http://hooks.slack.com/commands/T0123/456/abc", "https://slack.com/api/", false)]
    [TestCase("https://hooks.slack.com.evil.example/commands/x", "https://slack.com/api/", false)]
    [TestCase("https://evil.example/hooks.slack.com", "https://slack.com/api/", false)]
    [TestCase("https://169.254.169.254/latest/meta-data", "https://slack.com/api/", false)]
    [TestCase("http://127.0.0.1:5123/response/abc", "http://127.0.0.1:5123/api/", true)]
    [TestCase("http://localhost:5123/response/abc", "http://127.0.0.1:5123/api/", false)]
    [TestCase("https://slack-emulator.internal/response/abc", "https://slack-emulator.internal/api/", true)]
    [TestCase("http://slack-emulator.internal/response/abc", "https://slack-emulator.internal/api/", false)]
    public void Allows_OnlySlackOrTheConfiguredHost(string url, string apiBaseUrl, bool allowed) =>
        Assert.That(ResponseUrlPolicy.Allows(new Uri(url), apiBaseUrl), Is.EqualTo(allowed));
}
