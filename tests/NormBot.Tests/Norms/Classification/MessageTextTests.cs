using NormBot.Norms.Classification;

namespace NormBot.Tests.Norms.Classification;

public sealed class MessageTextTests
{
    private const string Sample =
        "<@U024BE7LH> <@W012A3CDE|bob> and <!subteam^S0614TZR7|@backend>, <!here>: see <#C0123ABC|deploys>, "
        + "<https://example.com/a|the doc> and <mailto:a@b.c|mail>, run `make test`, ticket PAY-88 and #1234.";

    [Test]
    public void UserMentions_Sample_ReturnsIds() =>
        Assert.That(MessageText.UserMentions(Sample), Is.EqualTo(new[] { "U024BE7LH", "W012A3CDE" }));

    [Test]
    public void UserGroupMentions_Sample_ReturnsIds() =>
        Assert.That(MessageText.UserGroupMentions(Sample), Is.EqualTo(new[] { "S0614TZR7" }));

    [Test]
    public void SpecialMentions_Sample_ReturnsHere() =>
        Assert.That(MessageText.SpecialMentions(Sample), Is.EqualTo(new[] { "here" }));

    [Test]
    public void ChannelRefs_Sample_ReturnsIds() =>
        Assert.That(MessageText.ChannelRefs(Sample), Is.EqualTo(new[] { "C0123ABC" }));

    [Test]
    public void Links_Sample_ReturnsUrls() =>
        Assert.That(MessageText.Links(Sample), Is.EqualTo(new[] { "https://example.com/a", "mailto:a@b.c" }));

    [Test]
    public void TicketRefs_Sample_ReturnsBothStyles() =>
        Assert.That(MessageText.TicketRefs(Sample), Is.EqualTo(new[] { "PAY-88", "#1234" }));

    [TestCase("hi `a`", true)]
    [TestCase("```\nstack\n```", true)]
    [TestCase("plain", false)]
    public void HasCode_Text_DetectsBackticks(string text, bool expected) =>
        Assert.That(MessageText.HasCode(text), Is.EqualTo(expected));

    [TestCase("Is the build broken?", 4)]
    [TestCase("<@U024BE7LH> can you check <https://x.y/z|this>?", 3)] // mention and link are not words
    [TestCase("why does `npm ci` fail", 3)]
    [TestCase("hi :wave: :skin-tone-2:", 1)]
    [TestCase("is <#C0123|deploys> right?", 3)] // a channel name reads as a word
    [TestCase("don't re-run it", 3)]
    [TestCase("Q&amp;A at 3pm", 4)]
    [TestCase("", 0)]
    public void WordCount_Text_IgnoresMarkup(string text, int expected) =>
        Assert.That(MessageText.WordCount(text), Is.EqualTo(expected));

    [Test]
    public void Links_BareUrl_IsFound() =>
        Assert.That(MessageText.Links("see https://example.com/x for details"), Is.EqualTo(new[] { "https://example.com/x" }));

    [Test]
    public void Links_SlackLinkWithWww_IsFoundOnce() =>
        Assert.That(MessageText.Links("see <https://www.example.com/x|docs>"), Is.EqualTo(new[] { "https://www.example.com/x" }));

    [Test]
    public void TicketRefs_ChannelNameAndShortNumbers_AreNotTickets() =>
        Assert.That(MessageText.TicketRefs("in #general, item #1, e-mail ab-12"), Is.Empty);

    [Test]
    public void PlainText_EscapedEntities_AreDecoded() =>
        Assert.That(MessageText.PlainText("a &lt; b &amp;&amp; c &gt; d"), Is.EqualTo("a < b && c > d"));
}
