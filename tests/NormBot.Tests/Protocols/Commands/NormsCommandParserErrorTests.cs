using NormBot.Protocols.Commands;

namespace NormBot.Tests.Protocols.Commands;

public sealed class NormsCommandParserErrorTests
{
    [TestCase("sett response-time 2h", "\"sett\" is not a /norms subcommand. Did you mean \"set\"? Try /norms help")]
    [TestCase("shwo", "Did you mean \"show\"?")]
    [TestCase("digets #a now", "Did you mean \"digest\"?")]
    [TestCase("leader list", "Did you mean \"leaders\"?")]
    [TestCase("frobnicate", "\"frobnicate\" is not a /norms subcommand. Try /norms help")]
    public void Parse_UnknownSubcommand_SuggestsHelpAndCloseMatch(string text, string expected)
    {
        var error = Error(text);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(expected));
            Assert.That(error.Usage, Does.Contain("help"));
        });
    }

    [TestCase("set", "set", "Say which key to set")]
    [TestCase("set respons-time 2h", "set", "\"respons-time\" is not a protocol key. Did you mean \"response-time\"?")]
    [TestCase("set response-time", "set", "response-time needs a value, like /norms set response-time 4h")]
    [TestCase("set response-time banana", "set", "\"banana\" is not a duration; use a number and a unit, like 90s, 30m, 4h or 2d")]
    [TestCase("set response-time banana #support", "set", "\"banana\" is not a duration")]
    [TestCase("set hours 25:00-26:00", "set", "\"25:00\" is not a time of day; use HH:MM like 09:30")]
    [TestCase("set urgent-keywords fire <#C0SUPPORT|support>", "set", "urgent-keywords is workspace-wide; leave out <#C0SUPPORT|support>")]
    [TestCase("set urgent-channel #incidents #support", "set", "urgent-channel is workspace-wide")]
    [TestCase("unset urgent-channel #support", "unset", "urgent-channel is workspace-wide")]
    [TestCase("unset min-words support", "unset", "\"support\" is not a channel")]
    [TestCase("show support", "show", "\"support\" is not a channel")]
    [TestCase("show #a #b", "show", "\"#b\" is not expected here")]
    [TestCase("stats 14d", "stats", "\"14d\" is not a channel or a period")]
    [TestCase("snooze", "snooze", "Say how long to snooze")]
    [TestCase("snooze forever", "snooze", "\"forever\" is not a duration")]
    [TestCase("snooze 0s", "snooze", "is not a snooze length")]
    [TestCase("route billing keywords: invoice", "route", "The billing topic needs a channel")]
    [TestCase("route billing #billing invoice", "route", "List the topic's keywords after keywords:")]
    [TestCase("route billing #billing keywords:", "route", "List at least one keyword")]
    [TestCase("unroute", "unroute", "Say which topic to remove")]
    [TestCase("digest daily 09:00", "digest", "\"daily\" is not a channel")]
    [TestCase("digest #leads", "digest", "Say when")]
    [TestCase("digest #leads hourly", "digest", "\"hourly\" is not a digest schedule")]
    [TestCase("digest #leads daily 25:00", "digest", "\"25:00\" is not a time of day; use HH:MM like 09:30")]
    [TestCase("digest #leads daily 9am", "digest", "\"9am\" is not a time of day")]
    [TestCase("digest #leads weekly funday 09:00", "digest", "\"funday\" is not a set of days")]
    [TestCase("digest #leads daily 09:00 dev", "digest", "\"dev\" is not a channel")]
    [TestCase("digest #leads cron 0 0 9 * * ?", "digest", "Put the cron expression in quotes")]
    [TestCase("digest #leads cron \"0 0 9 ? * FUNDAY\"", "digest", "is not a Quartz cron expression")]
    [TestCase("digest #leads cron \"0 0 25 * * ?\"", "digest", "Hour values must be between 0 and 23")]
    [TestCase("digest #leads cron \"0 0 9 * *\"", "digest", "\"0 0 9 * *\" has 5 fields; Quartz cron has 6 or 7, seconds first")] // Unix crontab form
    [TestCase("digest #leads cron \"0 0 9 ? * MON", "digest", "never closed")]
    [TestCase("digest #leads off now", "digest", "\"now\" is not expected here")]
    [TestCase("leaders add", "leaders", "Say who to add")]
    [TestCase("leaders add #support", "leaders", "\"#support\" is not a person")]
    [TestCase("leaders promote @ana", "leaders", "\"promote\" is not add, remove or list")]
    [TestCase("audit lots", "audit", "\"lots\" is not a number of entries")]
    [TestCase("set escalate-to @a, @b, @c, @d", "set", "escalate-to takes up to 3")]
    [TestCase("my-hours 18:00-09:00", "my-hours", "overnight hours are not supported")]
    [TestCase("my-hours 10:00-18:00 mars", "my-hours", "\"mars\" is not days (like mon-fri) or a time zone (like Europe/Berlin)")]
    [TestCase("my-hours nine-to-five", "my-hours", "is not a time of day")]
    [TestCase("away", "away", "Say until when")]
    [TestCase("away friday", "away", "\"friday\" is not a date or a duration")]
    [TestCase("away 2026-02-30", "away", "is not a date or a duration")]
    [TestCase("back now", "back", "\"now\" is not expected here")]
    [TestCase("holiday", "holiday", "Say add or remove")]
    [TestCase("holiday plan 2026-12-24", "holiday", "\"plan\" is not add or remove")]
    [TestCase("holiday add christmas", "holiday", "\"christmas\" is not a date; use YYYY-MM-DD")]
    [TestCase("holiday add 2026-12-26 2026-12-24", "holiday", "2026-12-24 is before 2026-12-26")]
    [TestCase("holiday add 2026-07-01 2026-08-31", "holiday", "a holiday is at most 31 days")]
    [TestCase("holiday remove 2026-12-24 2026-12-25", "holiday", "\"2026-12-25\" is not expected here")]
    [TestCase("holidays support", "holidays", "\"support\" is not a channel")]
    [TestCase("audit 0", "audit", "from 1 to 100")]
    public void Parse_Malformed_GivesOneLineAndTheSubcommandUsage(string text, string subcommand, string expected)
    {
        var error = Error(text);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(expected));
            Assert.That(error.Message, Does.Not.Contain('\n'));
            Assert.That(error.Usage, Is.EqualTo(NormsUsage.For(subcommand)));
        });
    }

    [Test]
    public void HelpText_ListsEverySubcommandAndKey()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in NormsUsage.SubcommandNames)
            {
                Assert.That(NormsUsage.HelpText, Does.Contain("/norms " + name));
            }

            Assert.That(NormsUsage.HelpText, Does.Contain("urgent-keywords"));
            Assert.That(NormsUsage.For("set"), Does.StartWith("Usage: /norms set <key> <value> [#channel]"));
        });
    }

    private static NormsParseError Error(string text)
    {
        var result = NormsCommandParser.Parse(text);
        Assert.That(result, Is.TypeOf<NormsParseError>(), () => result.ToString());
        return (NormsParseError)result;
    }
}
