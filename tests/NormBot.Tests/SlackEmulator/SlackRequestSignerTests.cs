using System.Globalization;
using System.Text.Json.Nodes;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

public sealed class SlackRequestSignerTests
{
    public static IEnumerable<TestCaseData> Vectors() =>
        Fixtures.ReadJson("signing", "signature-vectors.json")["vectors"]!.AsArray()
            .Select(v => new TestCaseData(v!.AsObject()).SetArgDisplayNames((string)v!["name"]!));

    [Test]
    public void Sign_SlackDocsWorkedExample_Matches()
    {
        const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        var signature = SlackRequestSigner.Sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, Body);

        Assert.That(signature, Is.EqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"));
    }

    /// <summary>The signer only covers the HMAC: stale and future vectors still carry a matching signature.</summary>
    [TestCaseSource(nameof(Vectors))]
    public void Sign_Vector_MatchesUnlessBodyOrSecretTampered(JsonObject vector)
    {
        var timestamp = long.Parse((string)vector["timestamp"]!, CultureInfo.InvariantCulture);

        var signature = SlackRequestSigner.Sign((string)vector["signing_secret"]!, timestamp, (string)vector["body"]!);

        Assert.That(signature == (string?)vector["signature"], Is.EqualTo((bool)vector["signature_matches"]!), (string?)vector["name"]);
    }

    [Test]
    public void Sign_Format_IsV0AndLowercaseHex() =>
        Assert.That(SlackRequestSigner.Sign("s", 1, "b"), Does.Match("^v0=[0-9a-f]{64}$"));
}
