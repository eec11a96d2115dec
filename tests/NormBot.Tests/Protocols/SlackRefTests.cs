using NormBot.Protocols;

namespace NormBot.Tests.Protocols;

public sealed class SlackRefTests
{
    [TestCase("<@U024BE7LH>", SlackRefKind.User, "U024BE7LH", null)]
    [TestCase("<@U024BE7LH|ana>", SlackRefKind.User, "U024BE7LH", "ana")]
    [TestCase("<@W012A3CDE>", SlackRefKind.User, "W012A3CDE", null)] // Enterprise Grid user
    [TestCase("<!subteam^S0614TZR7|@backend>", SlackRefKind.UserGroup, "S0614TZR7", "backend")]
    [TestCase("<!subteam^S0614TZR7>", SlackRefKind.UserGroup, "S0614TZR7", null)]
    [TestCase("<#C0123ABC|general>", SlackRefKind.Channel, "C0123ABC", "general")]
    [TestCase("<#C0123ABC>", SlackRefKind.Channel, "C0123ABC", null)]
    [TestCase("<#C0123ABC|>", SlackRefKind.Channel, "C0123ABC", null)] // Slack sends an empty label for some channels
    [TestCase("#General", SlackRefKind.Channel, null, "general")]
    [TestCase("#team-leads_2", SlackRefKind.Channel, null, "team-leads_2")]
    [TestCase("@ana.lopez", SlackRefKind.User, null, "ana.lopez")]
    public void TryParse_SlackForms_ReadsKindIdAndName(string text, SlackRefKind kind, string? id, string? name)
    {
        Assert.That(SlackRef.TryParse(text, out var slackRef), Is.True);
        Assert.That(slackRef, Is.EqualTo(new SlackRef(kind, id, name)));
    }

    [TestCase("general")]
    [TestCase("#")]
    [TestCase("<@>")]
    [TestCase("<!here>")]
    [TestCase("<https://example.com>")]
    [TestCase("# general")]
    public void TryParse_NotAReference_Fails(string text) => Assert.That(SlackRef.TryParse(text, out _), Is.False);

    [TestCase("<@U024BE7LH|ana>")]
    [TestCase("<!subteam^S0614TZR7|@backend>")]
    [TestCase("<#C0123ABC>")]
    [TestCase("#general")]
    [TestCase("@ana")]
    public void ToString_Parsed_RoundTrips(string text)
    {
        Assert.That(SlackRef.TryParse(text, out var slackRef), Is.True);
        Assert.That(slackRef.ToString(), Is.EqualTo(text));
    }
}
