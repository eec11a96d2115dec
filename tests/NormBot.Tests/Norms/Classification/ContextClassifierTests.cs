using NormBot.Norms.Classification;

namespace NormBot.Tests.Norms.Classification;

public sealed class ContextClassifierTests
{
    private static IEnumerable<ContextClassifierTable.Message> Table => ContextClassifierTable.Messages;

    private static IEnumerable<ContextClassifierTable.Message> Handled => Table.Where(m => !m.KnownMiss);

    [TestCaseSource(nameof(Handled))]
    public void Classify_WorkplaceMessage_MatchesHandLabel(ContextClassifierTable.Message c)
    {
        var verdict = ContextClassifier.Classify(c.Text, ContextClassifierTable.MinWords, c.HasFiles);

        Assert.That(verdict.Gap, Is.EqualTo(c.Expected));
    }

    [Test]
    public void Classify_WholeTable_HasNoFalsePositivesAndReportsRates()
    {
        var results = Table.Select(c => (Case: c, Verdict: ContextClassifier.Classify(c.Text, ContextClassifierTable.MinWords, c.HasFiles))).ToList();
        var complete = results.Where(r => r.Case.Expected == ContextGap.None).ToList();
        var lacking = results.Where(r => r.Case.Expected != ContextGap.None).ToList();
        var falsePositives = complete.Where(r => r.Verdict.LacksContext).ToList();
        var misses = lacking.Where(r => !r.Verdict.LacksContext).ToList();

        TestContext.Out.WriteLine($"{results.Count} messages: {lacking.Count} should be nudged, {complete.Count} should not.");
        TestContext.Out.WriteLine($"False-positive rate: {falsePositives.Count}/{complete.Count} = {Rate(falsePositives.Count, complete.Count):P1}");
        TestContext.Out.WriteLine($"Miss rate: {misses.Count}/{lacking.Count} = {Rate(misses.Count, lacking.Count):P1}");
        foreach (var (c, v) in falsePositives.Concat(misses))
        {
            TestContext.Out.WriteLine($"  wrong: \"{c.Text}\" expected {c.Expected}, got {v.Gap}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.GreaterThanOrEqualTo(60));
            Assert.That(lacking, Has.Count.GreaterThanOrEqualTo(results.Count / 3), "roughly half the table should be nudged");
            Assert.That(falsePositives.Select(r => r.Case.Text), Is.Empty);
        });
    }

    [TestCase("hi", ContextGap.BareGreeting)]
    [TestCase("ping", ContextGap.BarePing)]
    [TestCase("Any update?", ContextGap.ShortQuestion)]
    public void Classify_LackingContext_GivesAReason(string text, ContextGap gap)
    {
        var verdict = ContextClassifier.Classify(text, 6, hasFiles: false);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Gap, Is.EqualTo(gap));
            Assert.That(verdict.Reason, Is.Not.Empty);
            Assert.That(verdict.LacksContext, Is.True);
        });
    }

    [TestCase("Is it working now for you?", 6, ContextGap.None)] // six words is not under six
    [TestCase("Is it working now for you?", 7, ContextGap.ShortQuestion)]
    [TestCase("Is it working?", 3, ContextGap.None)]
    [TestCase("Is it working?", 4, ContextGap.ShortQuestion)]
    [TestCase("Is the build broken?", 5, ContextGap.None)] // short, but it says what it is about
    public void Classify_MinWords_CountsWordsStrictlyBelow(string text, int minWords, ContextGap expected)
    {
        Assert.That(ContextClassifier.Classify(text, minWords, hasFiles: false).Gap, Is.EqualTo(expected));
    }

    [TestCase("Is the deploy done?", true)]
    [TestCase("how do I rotate the key", true)]
    [TestCase("Can you take this one", true)]
    [TestCase("did it work", true)]
    [TestCase("<@U024BE7LH> are you sure?", true)]
    [TestCase("anyone? :eyes:", true)] // emoji after the question mark
    [TestCase("Will do", false)]
    [TestCase("Can do", false)]
    [TestCase("Do it.", false)]
    [TestCase("What a day!", false)]
    [TestCase("How cool is that", false)]
    [TestCase("Deploy is done", false)]
    [TestCase("", false)]
    public void IsQuestion_Text_RecognisesQuestions(string text, bool expected)
    {
        Assert.That(ContextClassifier.IsQuestion(text), Is.EqualTo(expected));
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
