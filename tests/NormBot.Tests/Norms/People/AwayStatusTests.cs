using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Slack.Users;

namespace NormBot.Tests.Norms.People;

public sealed class AwayStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> Defaults => Protocol.Resolve(new Dictionary<string, string>(), new Dictionary<string, string>(), []).AwayStatuses;

    [TestCase(":palm_tree:", "Vacationing", true)] // Slack's own preset
    [TestCase(":face_with_thermometer:", "Out sick", true)] // Slack's own preset
    [TestCase(":baby::skin-tone-3:", "", true)] // an emoji with a skin tone
    [TestCase(":airplane:", "", true)]
    [TestCase(":sunny:", "OOO until Monday", true)]
    [TestCase("", "Out of office", true)]
    [TestCase(":beach_with_umbrella:", "Holidays!", true)] // "holiday" starts a word of it
    [TestCase("", "on leave until 2 Dec", true)]
    [TestCase("", "Sick", true)]
    [TestCase(":spiral_calendar_pad:", "In a meeting", false)] // Slack's own preset, and no absence
    [TestCase(":house_with_garden:", "Working remotely", false)]
    [TestCase(":bus:", "Commuting", false)]
    [TestCase("", "homesick", false)] // a word must start with it
    [TestCase("", "", false)]
    public void Match_DefaultAwayStatuses_FollowsEmojiAndWords(string emoji, string text, bool away)
    {
        var profile = new UserProfile("UTC", false, false, false, 0) { StatusEmoji = emoji, StatusText = text };

        Assert.That(AwayStatus.Match(profile, Defaults, Now) is not null, Is.EqualTo(away));
    }

    [Test]
    public void Match_WithExpiration_IsAwayUntilItAndNotAfter()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var profile = new UserProfile("UTC", false, false, false, 0) { StatusEmoji = ":palm_tree:", StatusText = "Vacation", StatusExpiration = monday.ToUnixTimeSeconds() };

        var status = AwayStatus.Match(profile, Defaults, Now);

        Assert.Multiple(() =>
        {
            Assert.That(status?.Until, Is.EqualTo(monday));
            Assert.That(status?.Label, Is.EqualTo(":palm_tree: Vacation"));
            Assert.That(AwayStatus.Match(profile, Defaults, monday), Is.Null, "an expired status is no status");
        });
    }

    [Test]
    public void Match_WorkspaceList_ReplacesTheDefaults()
    {
        var profile = new UserProfile("UTC", false, false, false, 0) { StatusEmoji = ":palm_tree:", StatusText = "Vacation" };

        Assert.Multiple(() =>
        {
            Assert.That(AwayStatus.Match(profile, [":ski:", "parental leave"], Now), Is.Null);
            Assert.That(AwayStatus.Match(profile with { StatusText = "Parental leave" }, [":ski:", "parental leave"], Now), Is.Not.Null);
        });
    }

    [Test]
    public void Match_SameStatusTwice_HasTheSameKeyAndAChangedOneAnother()
    {
        var profile = new UserProfile("UTC", false, false, false, 0) { StatusEmoji = ":palm_tree:", StatusText = "Vacation" };

        var first = AwayStatus.Match(profile, Defaults, Now)!;

        Assert.Multiple(() =>
        {
            Assert.That(AwayStatus.Match(profile with { FetchedAt = 5 }, Defaults, Now)!.Key, Is.EqualTo(first.Key));
            Assert.That(AwayStatus.Match(profile with { StatusExpiration = 1_900_000_000 }, Defaults, Now)!.Key, Is.Not.EqualTo(first.Key));
        });
    }
}
