using NormBot.Protocols;
using NormBot.Protocols.Commands;

namespace NormBot.Tests.Protocols.Commands;

public sealed class NormsTokenizerTests
{
    [Test]
    public void TryTokenize_MixedInput_SplitsWordsQuotesAndRefs()
    {
        var ok = NormsTokenizer.TryTokenize(
            "digest <#C1ABC|leads> cron “0 0 9 ? * MON” <#C2|a>, #b @ana <@U1|bo b> <!subteam^S1|@grp>",
            out var tokens,
            out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(tokens.Select(t => (t.Kind, t.ValueText)), Is.EqualTo(new[]
        {
            (NormsTokenKind.Word, "digest"),
            (NormsTokenKind.Ref, "<#C1ABC|leads>"),
            (NormsTokenKind.Word, "cron"),
            (NormsTokenKind.Quoted, "0 0 9 ? * MON"),
            (NormsTokenKind.Ref, "<#C2|a>"),
            (NormsTokenKind.Word, ","),
            (NormsTokenKind.Ref, "#b"),
            (NormsTokenKind.Ref, "@ana"),
            (NormsTokenKind.Ref, "<@U1|bo b>"),
            (NormsTokenKind.Ref, "<!subteam^S1|@grp>"),
        }));
    }

    [TestCase("a &amp; b", "a|&|b")]
    [TestCase("\"x &lt; y\"", "x < y")]
    [TestCase("  spaced\tout  ", "spaced|out")]
    [TestCase("#general,", "#general|,")]
    [TestCase("R&amp;D", "R&D")]
    public void TryTokenize_Text_DecodesSlackEscapes(string text, string expected)
    {
        Assert.That(NormsTokenizer.TryTokenize(text, out var tokens, out _), Is.True);
        Assert.That(string.Join('|', tokens.Select(t => t.ValueText)), Is.EqualTo(expected));
    }

    [Test]
    public void TryTokenize_HandTypedChannel_IsAChannelRef()
    {
        Assert.That(NormsTokenizer.TryTokenize("#Support", out var tokens, out _), Is.True);
        Assert.That(tokens.Single().Ref, Is.EqualTo(new SlackRef(SlackRefKind.Channel, null, "support")));
    }

    [TestCase("cron \"0 0 9", "never closed")]
    [TestCase("show <#C1", "missing its closing >")]
    public void TryTokenize_Unclosed_Fails(string text, string expected)
    {
        Assert.That(NormsTokenizer.TryTokenize(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(expected));
    }
}
