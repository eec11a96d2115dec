using NormBot.Demo;

namespace NormBot.Tests.Demo;

public sealed class DemoNamesTests
{
    private static readonly DemoNames Names = new(
        new DemoScript
        {
            Team = [new DemoPerson { Name = "ana" }, new DemoPerson { Name = "bob" }],
            Channels = new Dictionary<string, List<string>> { ["general"] = ["ana"], ["incidents"] = ["bob"] },
        },
        "U0NORMBOT");

    [TestCase("hi @bob", "hi <@U0BOB>")]
    [TestCase("/norms set urgent-channel #incidents", "/norms set urgent-channel <#C0INCIDENTS|incidents>")]
    [TestCase("mail ana@example.com or see https://x.example/#general", "mail ana@example.com or see https://x.example/#general")] // not mentions
    [TestCase("@carol in #random", "@carol in #random")] // unknown names stay as typed
    public void ToSlack_KnownNames_BecomeSlackReferences(string typed, string slack) =>
        Assert.That(Names.ToSlack(typed), Is.EqualTo(slack));

    [TestCase("<@U0BOB> see <#C0INCIDENTS>", "@bob see #incidents")]
    [TestCase("/norms digest <#C0GENERAL|general> now", "/norms digest #general now")]
    [TestCase("<https://x.example/p|the PR> and <https://y.example>", "the PR and https://y.example")]
    [TestCase("<!subteam^S1|@oncall> and <@U0NORMBOT>", "@oncall and @NormBot")]
    public void ToReadable_SlackMarkup_ReadsAsTyped(string slack, string readable) =>
        Assert.That(Names.ToReadable(slack), Is.EqualTo(readable));
}
