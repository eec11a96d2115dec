using NormBot.Slack.Quotes;

namespace NormBot.Tests.Slack.Quotes;

public sealed class SafeQuoteTests
{
    private const char J = SafeQuote.Joiner;

    private static string? NameOf(string id) => id == "U0SAM" ? "Sam" : null;

    [TestCase("<!channel> deploy is broken", "@\u2060channel deploy is broken")]
    [TestCase("<!here|here> anyone around?", "@\u2060here anyone around?")]
    [TestCase("<!everyone> lunch", "@\u2060everyone lunch")]
    [TestCase("<!subteam^S0DESIGN|@design> please look", "@\u2060design please look")]
    [TestCase("<!subteam^S0DESIGN> please look", "@\u2060group please look")] // no handle in the markup
    [TestCase("<@U0SAM> can you send the export?", "@\u2060Sam can you send the export?")]
    [TestCase("<@U0OTHER|otto> can you?", "@\u2060otto can you?")] // legacy label when the workspace does not list them
    [TestCase("<@U0OTHER> can you?", "@\u2060someone can you?")]
    [TestCase("typed @here and @Channel by hand", "typed @\u2060here and @\u2060Channel by hand")]
    [TestCase("cut inside <@U0SA", "cut inside &lt;@U0SA")] // an excerpt cut mid-mention
    [TestCase("a &lt;b&gt; &amp; c", "a &lt;b&gt; &amp; c")] // Slack's own escapes stay as they are
    [TestCase("due <!date^1700000000^{date_short}|Nov 14>", "due Nov 14")]
    [TestCase("see <#C0GENERAL|general> and <https://x.example/a|the doc>", "see <#C0GENERAL|general> and <https://x.example/a|the doc>")]
    public void Render_BlockQuote_NotifiesNobody(string text, string expected) =>
        Assert.That(SafeQuote.Render(text, NameOf, inline: false), Is.EqualTo(expected));

    [TestCase("see <#C0GENERAL|general> and <https://x.example/a|the doc>", "see #general and the doc")]
    [TestCase("see <#C0GENERAL> now", "see #channel now")]
    [TestCase("line one\nline | two <!here>", "line one line ¦ two @\u2060here")]
    public void Render_Inline_HasNoNestedMarkup(string text, string expected) =>
        Assert.That(SafeQuote.Render(text, NameOf, inline: true), Is.EqualTo(expected));

    [Test]
    public void Render_AnyText_LeavesNoPingMarkup()
    {
        var rendered = SafeQuote.Render("<!channel> <!here> <!everyone> <!subteam^S1|@x> <@U0SAM> <@W0ENT|e>", NameOf, inline: false);

        Assert.That(rendered, Does.Not.Contain("<!").And.Not.Contain("<@"));
        Assert.That(rendered.Count(c => c == J), Is.EqualTo(6));
    }
}
