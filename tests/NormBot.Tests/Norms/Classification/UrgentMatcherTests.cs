using NormBot.Norms.Classification;

namespace NormBot.Tests.Norms.Classification;

public sealed class UrgentMatcherTests
{
    private static readonly string[] Keywords = ["urgent", "asap", "emergency", "outage", "down", "sev1", "p1", "incident", ":rotating_light:"];

    [TestCase("URGENT: checkout is down for EU customers", "urgent, down")]
    [TestCase("prod is down!! login returns 500 for everyone", "down")]
    [TestCase("emergency: we're leaking emails in the error page, please help ASAP", "asap, emergency")] // asap counts beside another keyword; keywords come in the list's order
    [TestCase(":rotating_light: orders queue is backing up", ":rotating_light:")]
    [TestCase("<!here> P1 incident: the app can't log in", "p1, incident")]
    public void FindMatches_UrgentNow(string text, string expected) =>
        Assert.That(UrgentMatcher.FindMatches(text, Keywords), Is.EqualTo(expected.Split(", ")).IgnoreCase);

    [TestCase("no rush, not urgent at all")] // negated
    [TestCase("That escalated quickly, but nothing is down, it was a test alert")]
    [TestCase("The meeting is down to 30 minutes")] // "down to"
    [TestCase("Can we write down the on-call rotation somewhere?")]
    [TestCase("Bringing the estimate down from 8 to 5 points")]
    [TestCase("I'm down for lunch at 12:30")]
    [TestCase("Postmortem for last week's incident is up")] // looking back
    [TestCase("Incident review at 4pm for Tuesday's outage")]
    [TestCase("Our P1 bugs for the sprint: MOB-12, MOB-19")] // a ticket label
    [TestCase("Updated the emergency contact list, please check yours")]
    [TestCase("<@U0MAYA> can you send the slides asap?")] // a deadline on its own
    public void FindMatches_NotAnUrgentTopic(string text) =>
        Assert.That(UrgentMatcher.FindMatches(text, Keywords), Is.Empty);
}
