using NormBot.Protocols;

namespace NormBot.Tests.Protocols;

public sealed class ProtocolKeysTests
{
    [TestCase("response-time", "30m", "30m")]
    [TestCase("response-time", "90s", "1m30s")]
    [TestCase("response-time", "4H", "4h")]
    [TestCase("response-time", "2d", "2d")]
    [TestCase("response-time", "1h30m", "1h30m")]
    [TestCase("response-time", "1h 30m", "1h30m")]
    [TestCase("response-time", "120m", "2h")]
    [TestCase("hours", "09:00-17:30", "09:00-17:30")]
    [TestCase("hours", "9:00 - 17:00", "09:00-17:00")]
    [TestCase("hours", "ALWAYS", "always")]
    [TestCase("hours", "00:00-24:00", "always")]
    [TestCase("hours", "08:00-24:00", "08:00-24:00")]
    [TestCase("days", "mon-fri", "mon-fri")]
    [TestCase("days", "Mon,Wed,Fri", "mon,wed,fri")]
    [TestCase("days", "mon-sun", "mon-sun")]
    [TestCase("days", "weekdays", "mon-fri")]
    [TestCase("days", "monday-thursday", "mon-thu")]
    [TestCase("days", "sun-thu", "mon-thu,sun")] // a wrapping range, written Monday first
    [TestCase("days", "mon,tue", "mon,tue")]
    [TestCase("timezone", "UTC", "UTC")]
    [TestCase("timezone", "utc", "UTC")]
    [TestCase("timezone", "Europe/Berlin", "Europe/Berlin")]
    [TestCase("timezone", "America/New_York", "America/New_York")]
    [TestCase("timezone", "europe/berlin", "Europe/Berlin")]
    [TestCase("escalate-after", "2x", "2x")]
    [TestCase("escalate-after", "1.5x", "1.5x")]
    [TestCase("escalate-after", "3", "3x")]
    [TestCase("escalate-to", "<@U024BE7LH>", "<@U024BE7LH>")]
    [TestCase("escalate-to", "<@U024BE7LH|ana>", "<@U024BE7LH|ana>")]
    [TestCase("escalate-to", "<!subteam^S0614TZR7|@leads>", "<!subteam^S0614TZR7|@leads>")]
    [TestCase("escalate-to", "<!subteam^S0614TZR7>", "<!subteam^S0614TZR7>")]
    [TestCase("escalate-to", "<#C0123ABC|leads>", "<#C0123ABC|leads>")]
    [TestCase("escalate-to", "#Leads", "#leads")]
    [TestCase("escalate-to", "@ana.lopez", "@ana.lopez")]
    [TestCase("escalate-to", "none", "")]
    [TestCase("context", "off", "off")]
    [TestCase("context", "ON", "on")]
    [TestCase("tracking", "false", "off")]
    [TestCase("external-asks", "OFF", "off")]
    [TestCase("min-words", "8", "8")]
    [TestCase("context-grace", "0s", "0s")]
    [TestCase("context-grace", "90s", "1m30s")]
    [TestCase("urgent-channel", "<#C0123ABC|incidents>", "<#C0123ABC|incidents>")]
    [TestCase("urgent-channel", "#incidents", "#incidents")]
    [TestCase("urgent-channel", "none", "")]
    [TestCase("urgent-keywords", "Urgent,  ASAP , :rotating_light:", "urgent, asap, :rotating_light:")]
    [TestCase("urgent-keywords", "site down, p0, p0", "site down, p0")] // duplicates dropped
    [TestCase("urgent-keywords", "none", "")]
    [TestCase("nudge-limit", "0", "0")]
    [TestCase("nudge-limit", "10", "10")]
    [TestCase("hours", "Slack", "slack")] // each person's Slack notification schedule
    [TestCase("escalate-to", "<@U024BE7LH|lead>, <#C0123ABC|eng-leads>, <!subteam^S0614TZR7>", "<@U024BE7LH|lead>, <#C0123ABC|eng-leads>, <!subteam^S0614TZR7>")]
    [TestCase("escalate-to", "@lead,#eng-leads", "@lead, #eng-leads")]
    [TestCase("expectations", "off", "off")]
    [TestCase("away-statuses", ":palm_tree:, Out of Office, parental leave", ":palm_tree:, out of office, parental leave")]
    [TestCase("away-statuses", "none", "")]
    public void TryNormalize_ValidValue_ReturnsCanonical(string key, string raw, string expected)
    {
        var ok = ProtocolKeys.TryNormalize(key, raw, out var canonical, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True, error);
            Assert.That(canonical, Is.EqualTo(expected));
        });
    }

    [TestCase("response-time", "banana", "\"banana\" is not a duration; use a number and a unit, like 90s, 30m, 4h or 2d")]
    [TestCase("response-time", "30 m", "is not a duration")]
    [TestCase("response-time", "0s", "must be more than 0")]
    [TestCase("response-time", "-4h", "is not a duration")]
    [TestCase("response-time", "4.5h", "is not a duration")]
    [TestCase("response-time", "400d", "too long")]
    [TestCase("hours", "17:00-09:00", "overnight hours are not supported")]
    [TestCase("hours", "09:00-09:00", "ends before it starts")]
    [TestCase("hours", "9-5", "is not a time of day")]
    [TestCase("hours", "25:00-26:00", "\"25:00\" is not a time of day; use HH:MM like 09:30")]
    [TestCase("hours", "nine to five", "is not a time of day")]
    [TestCase("days", "monday-funday", "is not a set of days")]
    [TestCase("days", "mo-fr", "is not a set of days")]
    [TestCase("timezone", "Mars/Olympus", "\"Mars/Olympus\" is not a time zone; use an IANA name like Europe/Berlin")]
    [TestCase("escalate-after", "0.5x", "use a number from 1 to 10")]
    [TestCase("escalate-after", "twice", "is not a multiple")]
    [TestCase("escalate-to", "bob", "is not a person, group or channel")]
    [TestCase("escalate-to", "@a, @b, @c, @d", "escalate-to takes up to 3")]
    [TestCase("escalate-to", "@lead, #leads, @lead", "@lead is in the list twice")]
    [TestCase("hours", "sometimes", "or slack")]
    [TestCase("expectations", "sometimes", "is not on or off")]
    [TestCase("context", "maybe", "\"maybe\" is not on or off")]
    [TestCase("min-words", "0", "from 1 to 50")]
    [TestCase("min-words", "six", "from 1 to 50")]
    [TestCase("context-grace", "2h", "too long for context-grace")]
    [TestCase("context-grace", "1d", "too long for context-grace")]
    [TestCase("urgent-channel", "<@U024BE7LH>", "is not a channel")]
    [TestCase("urgent-keywords", "urgent; asap", "is not a keyword")]
    [TestCase("nudge-limit", "1000", "from 0 to 100")]
    [TestCase("colour", "blue", "\"colour\" is not a protocol key")]
    [TestCase("hours", "  ", "hours needs a value")]
    public void TryNormalize_InvalidValue_ExplainsInOneLine(string key, string raw, string expectedPart)
    {
        var ok = ProtocolKeys.TryNormalize(key, raw, out _, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Does.Contain(expectedPart));
            Assert.That(error, Does.Not.Contain('\n'));
        });
    }

    [Test]
    public void Defaults_EveryKey_IsItsOwnCanonicalForm()
    {
        foreach (var key in ProtocolKeys.All.Where(k => ProtocolKeys.Defaults[k].Length > 0))
        {
            Assert.That(ProtocolKeys.TryNormalize(key, ProtocolKeys.Defaults[key], out var canonical, out var error), Is.True, error);
            Assert.That(canonical, Is.EqualTo(ProtocolKeys.Defaults[key]), key);
        }
    }

    [Test]
    public void All_MatchesProductSections4And12And17()
    {
        Assert.That(ProtocolKeys.All, Is.EqualTo(new[]
        {
            "response-time", "hours", "days", "timezone", "escalate-after", "escalate-to", "expectations", "context", "min-words",
            "context-grace", "urgent-channel", "urgent-keywords", "nudge-limit", "tracking", "mode", "welcome", "external-asks", "away-statuses",
        }));
        Assert.That(ProtocolKeys.All.Where(ProtocolKeys.IsWorkspaceOnly), Is.EqualTo(new[] { "urgent-channel", "urgent-keywords", "away-statuses" }));
    }
}
