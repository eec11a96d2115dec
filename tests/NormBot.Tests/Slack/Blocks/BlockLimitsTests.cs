using NormBot.Slack.Blocks;

namespace NormBot.Tests.Slack.Blocks;

public sealed class BlockLimitsTests
{
    [TestCase("short", 10, "short")]
    [TestCase("exactly10!", 10, "exactly10!")]
    [TestCase("one two three four", 12, "one two…")] // the cut would land inside "three"
    [TestCase("one two three four", 8, "one two…")] // the cut lands on the space
    [TestCase("see <https://example.com/norms/42|the naming norm> now", 30, "see…")] // never half a link
    [TestCase("ask <@U0456ALICE> about it", 12, "ask…")] // nor half a mention
    [TestCase("<https://example.com|x> and more words here", 30, "<https://example.com|x> and…")] // a complete link stays
    [TestCase("Supercalifragilistic", 10, "Supercali…")] // one long word: hard cut is the only option
    public void Truncate_Cases(string text, int max, string expected)
    {
        var actual = BlockLimits.Truncate(text, max);

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(actual.Length, Is.LessThanOrEqualTo(max));
    }

    [Test]
    public void Truncate_EmojiAtTheCut_NeverSplitsSurrogatePair()
    {
        var actual = BlockLimits.Truncate("ab\U0001F600cdefgh", 4);

        Assert.That(actual, Is.EqualTo("ab…"));
    }

    [Test]
    public void Truncate_SectionLimit_FitsSlack()
    {
        var text = string.Join(' ', Enumerable.Repeat("norm", 1000));

        Assert.That(BlockLimits.Truncate(text, BlockLimits.SectionText), Has.Length.LessThanOrEqualTo(3000).And.EndsWith("norm…"));
    }
}
