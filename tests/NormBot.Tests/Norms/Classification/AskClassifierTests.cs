using NormBot.Norms.Classification;

namespace NormBot.Tests.Norms.Classification;

/// <summary>The examples of PRODUCT §13, and the readings behind them; the corpus (Corpus/) measures the rest.</summary>
public sealed class AskClassifierTests
{
    private const string Me = "U0ME";
    private const string Bot = "U0NORMBOT";

    [TestCase("thanks <@U0ANA>")]
    [TestCase("kudos to <@U0BOB> for the migration :tada:")]
    [TestCase("FYI <@U0BOB> the API key rotation is on Friday")]
    [TestCase("cc <@U0ANA>")]
    [TestCase("<@U0ANA> great work on the launch")]
    [TestCase("as <@U0BOB> said yesterday, standup moves to 9:30")]
    [TestCase("<@U0BOB>'s fix is live, we're green again")]
    [TestCase("what could possibly go wrong :clown_face:")] // rhetorical
    [TestCase("<@U0BOB> how cool is that?!")] // an exclamation
    [TestCase("hi <@U0BOB>")] // a greeting: the ask is the next message
    [TestCase("<@U0NORMBOT> what are the norms here?")] // a question for the bot itself
    public void Classify_NotAnAsk(string text) =>
        Assert.That(AskClassifier.Classify(text, Me, Bot, isTopLevel: true).IsAsk, Is.False);

    [TestCase("<@U0ANA> can you review <https://git.example/pr/481|PR 481> before Thursday?", "U0ANA")]
    [TestCase("thanks <@U0ANA>! <@U0BOB> can you take the second half of the checklist?", "U0BOB")]
    [TestCase("FYI <@U0BOB>, can you check whether this affects the billing export?", "U0BOB")] // set off by a comma: addressed
    [TestCase("Thanks <@U0SAM>, cc <@U0KAI>: can you copy the alert thresholds over?", "U0KAI")]
    [TestCase("Great work <@U0ANA>! Could you write a short retro for the wiki?", "U0ANA")] // "you" is the person thanked
    [TestCase("<@U0SAM>: schedule the load test for Thursday night", "U0SAM")] // an order said to someone
    [TestCase("<@U0ANA> <@U0BOB> can one of you pair with Sam today?", "U0ANA U0BOB")]
    [TestCase("<!subteam^S0DESIGN|@design> can someone look at the empty states?", "S0DESIGN")]
    [TestCase("Would love comments from <!subteam^S0BACKEND> on the RFC by Friday", "S0BACKEND")]
    public void Classify_AskOf(string text, string expected)
    {
        var verdict = AskClassifier.Classify(text, Me, Bot, isTopLevel: true);

        Assert.That(verdict.IsAsk, Is.True, verdict.Reason);
        Assert.That(verdict.Users.Concat(verdict.Groups), Is.EquivalentTo(expected.Split(' ')));
    }

    [TestCase("Does anyone know why `npm ci` fails on main since this morning?", true, true)]
    [TestCase("<!here> can someone restart the search indexer?", true, true)]
    [TestCase("why does it only fail on Tuesdays?", false, false)] // a thread question naming nobody is conversation
    [TestCase("<!channel> please fill in the offsite survey by Thursday", true, false)] // a reminder to everyone
    public void Classify_ToNobodyInParticular(string text, bool topLevel, bool isAsk)
    {
        var verdict = AskClassifier.Classify(text, Me, Bot, topLevel);

        Assert.That((verdict.IsAsk, verdict.IsAsk && verdict.Anyone), Is.EqualTo((isAsk, isAsk)));
    }

    [Test]
    public void Classify_Reason_SaysWhatMadeItAnAsk() =>
        Assert.That(AskClassifier.Classify("<@U0BOB> please merge when green", Me, Bot, true).Reason, Is.EqualTo("\"please\", said to <@U0BOB>"));
}
