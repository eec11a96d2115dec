using NormBot.Norms.Classification;
using NormBot.Norms.Rules;

namespace NormBot.Tests.Norms.Rules;

/// <summary>What preview keeps of a message instead of its text must give the classifier's answer for every min-words.</summary>
public sealed class LacksContextFromTests
{
    [TestCase("hi")]
    [TestCase("why is checkout slow?")]
    [TestCase("anyone around today?")]
    [TestCase("quick question")]
    [TestCase("can you review https://git.example/pr/12 before Thursday?")]
    [TestCase("Decision: we ship the billing retry on Friday after the load test passes.")]
    [TestCase("does the export job still run every night at two?")]
    public void LacksContextFrom_MatchesTheClassifierForEveryMinWords(string text)
    {
        var from = ContextRule.LacksContextFrom(text, hasFiles: false, botUserId: "U0BOT");

        for (var minWords = 1; minWords <= 50; minWords++)
        {
            Assert.That(from <= minWords, Is.EqualTo(ContextClassifier.Classify(text, minWords, false, "U0BOT").LacksContext), $"{text} at min-words {minWords}");
        }
    }
}
