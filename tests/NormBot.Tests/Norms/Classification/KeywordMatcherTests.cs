using NormBot.Norms.Classification;
using NormBot.Protocols;

namespace NormBot.Tests.Norms.Classification;

public sealed class KeywordMatcherTests
{
    private static readonly string[] Urgent = KeywordsOf(ProtocolKeys.Defaults[ProtocolKeys.UrgentKeywords]);

    [TestCase("prod is down!", "down")]
    [TestCase("Prod is DOWN", "down")]
    [TestCase("(urgent) please look at the queue", "urgent")]
    [TestCase("this is a P0, paging now", "p0")]
    [TestCase("p0's are handled in #incidents", "p0")]
    [TestCase(":rotating_light: checkout failing", ":rotating_light:")]
    [TestCase("checkout failing:rotating_light::rotating_light:", ":rotating_light:")]
    [TestCase("ASAP please: sev1 outage", "asap,outage,sev1")] // reported in keyword order
    [TestCase("site down - again", "down")]
    [TestCase("Incident: payments &amp; refunds", "incident")]
    [TestCase("run `systemctl status` until it says down", "down")] // only the backticked part is code
    public void FindMatches_UrgentText_FindsKeywords(string text, string expected)
    {
        Assert.That(KeywordMatcher.FindMatches(text, Urgent), Is.EquivalentTo(expected.Split(',')));
    }

    [TestCase("download the report")]
    [TestCase("the p01 build is green")]
    [TestCase("countdown to launch")]
    [TestCase("this is non-urgent")] // a hyphenated word is one word
    [TestCase("top-down design review")]
    [TestCase("incidents dashboard looks fine")] // plural is another word
    [TestCase("see <https://status.example.com/down|status page>")] // inside a link
    [TestCase("the log says ```service down, retrying```")]
    [TestCase("ask in <#C0123|urgent-requests>")] // a channel name is not the author's word
    [TestCase("")]
    public void FindMatches_OrdinaryText_FindsNothing(string text)
    {
        Assert.That(KeywordMatcher.FindMatches(text, Urgent), Is.Empty);
    }

    [TestCase("the site is down for everyone", "site down", false)]
    [TestCase("site down for everyone", "site down", true)]
    [TestCase("site   down", "site down", true)]
    [TestCase("Invoice refund for ACME", "refund", true)]
    [TestCase("refunds", "refund", false)]
    [TestCase("the sev-1 is over", "sev-1", true)]
    public void FindMatches_RouteKeywords_MatchWholeWordsAndPhrases(string text, string keyword, bool expected)
    {
        Assert.That(KeywordMatcher.Matches(text, [keyword]), Is.EqualTo(expected));
    }

    [Test]
    public void FindMatches_DuplicateKeywords_ReportsOnce()
    {
        Assert.That(KeywordMatcher.FindMatches("urgent urgent", ["urgent", "URGENT", " urgent "]), Is.EqualTo(new[] { "urgent" }));
    }

    private static string[] KeywordsOf(string list) =>
        KeywordList.TryParse(list, out var keywords, out _) ? [.. keywords] : throw new InvalidOperationException(list);
}
