using System.Text;
using NormBot.Slack.Http;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

public sealed class SlackSignatureVerifierTests
{
    public static IEnumerable<TestCaseData> Vectors() =>
        Fixtures.ReadJson("signing", "signature-vectors.json")["vectors"]!.AsArray()
            .Select(v => new TestCaseData(
                    v!["signing_secret"]!.GetValue<string>(), v["timestamp"]!.GetValue<string>(), v["body"]!.GetValue<string>(),
                    v["signature"]!.GetValue<string>(), v["now"]!.GetValue<long>(), v["valid"]!.GetValue<bool>())
                .SetName($"Verify_{v["name"]!.GetValue<string>().Replace('-', '_')}"));

    [TestCaseSource(nameof(Vectors))]
    public void Verify_Vectors_MatchExpectation(string secret, string timestamp, string body, string signature, long now, bool valid)
    {
        var outcome = SlackSignatureVerifier.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), DateTimeOffset.FromUnixTimeSeconds(now));

        Assert.That(outcome == SlackSignatureVerifier.Outcome.Valid, Is.EqualTo(valid), outcome.ToString());
    }

    [Test]
    public void Sign_SlackDocsWorkedExample_ProducesDocumentedSignature()
    {
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        var signature = SlackSignatureVerifier.Sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, Encoding.UTF8.GetBytes(body));

        Assert.That(signature, Is.EqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"));
    }

    [TestCase(null, "v0=abc", ExpectedResult = SlackSignatureVerifier.Outcome.MissingHeaders)]
    [TestCase("1531420618", null, ExpectedResult = SlackSignatureVerifier.Outcome.MissingHeaders)]
    [TestCase("not-a-number", "v0=abc", ExpectedResult = SlackSignatureVerifier.Outcome.MissingHeaders)]
    [TestCase("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", ExpectedResult = SlackSignatureVerifier.Outcome.BadSignature)]
    [TestCase("1531420618", "v0=zz", ExpectedResult = SlackSignatureVerifier.Outcome.BadSignature)]
    [TestCase("1531420618", "v0=zz14d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", ExpectedResult = SlackSignatureVerifier.Outcome.BadSignature)]
    public SlackSignatureVerifier.Outcome Verify_MalformedHeaders_Rejected(string? timestamp, string? signature) =>
        SlackSignatureVerifier.Verify("secret", timestamp, signature, "body"u8, DateTimeOffset.FromUnixTimeSeconds(1531420618));
}
