using NormBot.Protocols;
using NormBot.Protocols.Commands;

namespace NormBot.Tests.Protocols.Commands;

public sealed class NormsCommandParserTests
{
    private static readonly SlackRef Support = SlackRef.Channel("C0SUPPORT", "support");

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("help")]
    [TestCase("HELP")]
    public void Parse_EmptyOrHelp_IsHelp(string text) =>
        Assert.That(NormsCommandParser.Parse(text), Is.EqualTo(new HelpCommand()));

    [Test]
    public void Parse_HelpWithSubcommand_KeepsTopic() =>
        Assert.That(NormsCommandParser.Parse("help digest"), Is.EqualTo(new HelpCommand("digest")));

    [TestCase("show", null)]
    [TestCase("show <#C0SUPPORT|support>", "<#C0SUPPORT|support>")]
    [TestCase("show #support", "#support")]
    [TestCase("show <#C0SUPPORT>", "<#C0SUPPORT>")]
    public void Parse_Show_ReadsOptionalChannel(string text, string? channel) =>
        Assert.That(Parsed<ShowCommand>(text).Channel?.ToString(), Is.EqualTo(channel));

    [TestCase("stats", null, 7)]
    [TestCase("stats 30d", null, 30)]
    [TestCase("stats <#C0SUPPORT|support> 30d", "<#C0SUPPORT|support>", 30)]
    [TestCase("stats 7d #support", "#support", 7)]
    public void Parse_Stats_ReadsChannelAndPeriodInAnyOrder(string text, string? channel, int days)
    {
        var stats = Parsed<StatsCommand>(text);

        Assert.Multiple(() =>
        {
            Assert.That(stats.Channel?.ToString(), Is.EqualTo(channel));
            Assert.That(stats.PeriodDays, Is.EqualTo(days));
        });
    }

    [TestCase("snooze 1d", "1d")]
    [TestCase("snooze 90m", "1h30m")]
    public void Parse_Snooze_ReadsDuration(string text, string duration) =>
        Assert.That(Parsed<SnoozeCommand>(text).Duration.ToString(), Is.EqualTo(duration));

    [Test]
    public void Parse_SnoozeOff_IsSnoozeOff() => Assert.That(NormsCommandParser.Parse("snooze OFF"), Is.TypeOf<SnoozeOffCommand>());

    [TestCase("set response-time 2h", "response-time", "2h", null)]
    [TestCase("set response-time 90s <#C0SUPPORT|support>", "response-time", "1m30s", "<#C0SUPPORT|support>")]
    [TestCase("set Hours 9:00-17:30 #support", "hours", "09:00-17:30", "#support")]
    [TestCase("set urgent-keywords urgent, asap, p0", "urgent-keywords", "urgent, asap, p0", null)]
    [TestCase("set urgent-keywords urgent ,asap , :rotating_light:", "urgent-keywords", "urgent, asap, :rotating_light:", null)]
    [TestCase("set urgent-keywords \"site down\", outage", "urgent-keywords", "site down, outage", null)]
    [TestCase("set escalate-to <!subteam^S0614TZR7|@leads>", "escalate-to", "<!subteam^S0614TZR7|@leads>", null)]
    [TestCase("set escalate-to <#C0LEADS|leads>", "escalate-to", "<#C0LEADS|leads>", null)] // the only value is not the scope
    [TestCase("set escalate-to <#C0LEADS|leads> <#C0SUPPORT|support>", "escalate-to", "<#C0LEADS|leads>", "<#C0SUPPORT|support>")]
    [TestCase("set escalate-to none #support", "escalate-to", "", "#support")]
    [TestCase("set escalate-to <@U0LEAD|lead>, <#C0LEADS|leads>, <!subteam^S0ENG|@eng>", "escalate-to", "<@U0LEAD|lead>, <#C0LEADS|leads>, <!subteam^S0ENG|@eng>", null)] // a list ending in a channel
    [TestCase("set escalate-to @lead, #leads #support", "escalate-to", "@lead, #leads", "#support")]
    [TestCase("set hours slack", "hours", "slack", null)]
    [TestCase("set expectations off #support", "expectations", "off", "#support")]
    [TestCase("set urgent-channel #incidents", "urgent-channel", "#incidents", null)]
    [TestCase("set days mon, wed, fri", "days", "mon,wed,fri", null)]
    [TestCase("set timezone America/New_York #support", "timezone", "America/New_York", "#support")]
    [TestCase("set tracking off <#C0SUPPORT>", "tracking", "off", "<#C0SUPPORT>")]
    public void Parse_Set_ValidatesAndStoresCanonicalValue(string text, string key, string value, string? channel)
    {
        var set = Parsed<SetCommand>(text);

        Assert.Multiple(() =>
        {
            Assert.That(set.Key, Is.EqualTo(key));
            Assert.That(set.Value, Is.EqualTo(value));
            Assert.That(set.Channel?.ToString(), Is.EqualTo(channel));
        });
    }

    [TestCase("my-hours 10:00-18:00", "10:00-18:00", null, null)]
    [TestCase("my-hours 10:00 - 18:30 mon-thu", "10:00-18:30", "mon-thu", null)]
    [TestCase("my-hours 08:00-16:00 Asia/Kolkata sun-thu", "08:00-16:00", "mon-thu,sun", "Asia/Kolkata")] // days and zone in any order
    [TestCase("my-hours always Australia/Adelaide", "always", null, "Australia/Adelaide")]
    public void Parse_MyHours_ReadsHoursDaysAndZone(string text, string hours, string? days, string? zone)
    {
        var command = Parsed<MyHoursCommand>(text);

        Assert.Multiple(() =>
        {
            Assert.That(command.Hours?.ToString(), Is.EqualTo(hours));
            Assert.That(command.Days?.ToString(), Is.EqualTo(days));
            Assert.That(command.TimeZone?.Id, Is.EqualTo(zone));
        });
    }

    [Test]
    public void Parse_MyHoursAlone_ShowsAndOffClears()
    {
        Assert.That(NormsCommandParser.Parse("my-hours"), Is.EqualTo(new MyHoursCommand(null, null, null)));
        Assert.That(NormsCommandParser.Parse("my-hours OFF"), Is.TypeOf<MyHoursOffCommand>());
    }

    [TestCase("away 2026-12-28", "2026-12-28", null, null)]
    [TestCase("away 2026-12-28 \"skiing in the Alps\"", "2026-12-28", null, "skiing in the Alps")]
    [TestCase("away 3d parental leave", null, 72.0, "parental leave")] // a day of away time is 24 hours, as for snooze
    [TestCase("away 4h", null, 4.0, null)]
    public void Parse_Away_ReadsBackDayOrDurationAndNote(string text, string? backOn, double? hours, string? note)
    {
        var away = Parsed<AwayCommand>(text);

        Assert.Multiple(() =>
        {
            Assert.That(away.BackOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(backOn));
            Assert.That(away.For?.TotalHours, Is.EqualTo(hours));
            Assert.That(away.Note, Is.EqualTo(note));
        });
    }

    [Test]
    public void Parse_Back_IsBack() => Assert.That(NormsCommandParser.Parse("back"), Is.TypeOf<BackCommand>());

    [TestCase("holiday add 2026-12-24", "2026-12-24", "2026-12-24", "", null)]
    [TestCase("holiday add 2026-12-24 2026-12-26 \"Christmas\"", "2026-12-24", "2026-12-26", "Christmas", null)]
    [TestCase("holiday add 2026-10-02 Gandhi Jayanti <#C0SUPPORT|support>", "2026-10-02", "2026-10-02", "Gandhi Jayanti", "<#C0SUPPORT|support>")]
    public void Parse_HolidayAdd_ReadsDaysNameAndScope(string text, string first, string last, string name, string? channel)
    {
        var add = Parsed<HolidayAddCommand>(text);

        Assert.Multiple(() =>
        {
            Assert.That(add.First.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(first));
            Assert.That(add.Last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(last));
            Assert.That(add.HolidayName, Is.EqualTo(name));
            Assert.That(add.Channel?.ToString(), Is.EqualTo(channel));
        });
    }

    [Test]
    public void Parse_HolidayRemoveAndHolidays_ReadDayAndScope()
    {
        Assert.That(NormsCommandParser.Parse("holiday remove 2026-12-24 #support"), Is.EqualTo(new HolidayRemoveCommand(new DateOnly(2026, 12, 24), new SlackRef(SlackRefKind.Channel, null, "support"))));
        Assert.That(NormsCommandParser.Parse("holidays <#C0SUPPORT|support>"), Is.EqualTo(new HolidaysCommand(Support)));
        Assert.That(NormsCommandParser.Parse("holidays"), Is.EqualTo(new HolidaysCommand(null)));
    }

    [TestCase("unset response-time", "response-time", null)]
    [TestCase("unset min-words <#C0SUPPORT|support>", "min-words", "<#C0SUPPORT|support>")]
    public void Parse_Unset_ReadsKeyAndScope(string text, string key, string? channel)
    {
        var unset = Parsed<UnsetCommand>(text);

        Assert.Multiple(() =>
        {
            Assert.That(unset.Key, Is.EqualTo(key));
            Assert.That(unset.Channel?.ToString(), Is.EqualTo(channel));
        });
    }

    [Test]
    public void Parse_Route_ReadsTopicChannelAndKeywords()
    {
        var route = Parsed<RouteCommand>("route Billing <#C0BILL|billing> keywords: invoice, refund, \"charge back\"").Route;

        Assert.Multiple(() =>
        {
            Assert.That(route.Topic, Is.EqualTo("billing"));
            Assert.That(route.Channel, Is.EqualTo(SlackRef.Channel("C0BILL", "billing")));
            Assert.That(route.Keywords, Is.EqualTo(new[] { "invoice", "refund", "charge back" }));
        });
    }

    [Test]
    public void Parse_Unroute_ReadsTopic() => Assert.That(NormsCommandParser.Parse("unroute billing"), Is.EqualTo(new UnrouteCommand("billing")));

    [TestCase("digest <#C0LEADS|leads> daily 09:00", "0 0 9 ? * *", "")]
    [TestCase("digest #leads daily 9:30 <#C0SUPPORT|support> #dev", "0 30 9 ? * *", "<#C0SUPPORT|support> #dev")]
    [TestCase("digest #leads weekly mon 16:45 #dev", "0 45 16 ? * MON", "#dev")]
    [TestCase("digest #leads weekly Friday 08:00", "0 0 8 ? * FRI", "")]
    [TestCase("digest #leads weekly mon,thu 08:00", "0 0 8 ? * MON,THU", "")]
    [TestCase("digest #leads cron \"0 0 9 ? * MON-FRI\" #dev #ops", "0 0 9 ? * MON-FRI", "#dev #ops")]
    [TestCase("digest #leads cron “0 15 10 L * ?”", "0 15 10 L * ?", "")] // smart quotes from the Slack composer
    public void Parse_DigestSchedule_BuildsQuartzCron(string text, string cron, string channels)
    {
        var digest = Parsed<DigestScheduleCommand>(text);

        Assert.Multiple(() =>
        {
            Assert.That(digest.Target.Kind, Is.EqualTo(SlackRefKind.Channel));
            Assert.That(digest.Schedule.CronExpression, Is.EqualTo(cron));
            Assert.DoesNotThrow(() => _ = new Quartz.CronExpression(digest.Schedule.CronExpression));
            Assert.That(string.Join(' ', digest.Channels), Is.EqualTo(channels));
        });
    }

    [Test]
    public void Parse_DigestOffAndNow_AreTheirOwnCommands()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NormsCommandParser.Parse("digest #leads off"), Is.EqualTo(new DigestOffCommand(new SlackRef(SlackRefKind.Channel, null, "leads"))));
            Assert.That(Parsed<DigestNowCommand>("digest <#C0LEADS|leads> now #dev").Channels, Has.Count.EqualTo(1));
        });
    }

    [TestCase("leaders add <@U024BE7LH|ana>", typeof(LeadersAddCommand))]
    [TestCase("leaders remove @ana", typeof(LeadersRemoveCommand))]
    [TestCase("leaders list", typeof(LeadersListCommand))]
    [TestCase("audit", typeof(AuditCommand))]
    public void Parse_LeadersAndAudit_ReturnCommand(string text, Type type) =>
        Assert.That(NormsCommandParser.Parse(text), Is.TypeOf(type));

    [TestCase("audit", 20)]
    [TestCase("audit 5", 5)]
    public void Parse_Audit_ReadsCount(string text, int count) =>
        Assert.That(Parsed<AuditCommand>(text).Count, Is.EqualTo(count));

    [TestCase("help", false)]
    [TestCase("show", false)]
    [TestCase("stats", false)]
    [TestCase("snooze 1h", false)]
    [TestCase("snooze off", false)]
    [TestCase("set min-words 4", true)]
    [TestCase("unset min-words", true)]
    [TestCase("route billing #billing keywords: invoice", true)]
    [TestCase("unroute billing", true)]
    [TestCase("digest #leads now", true)]
    [TestCase("leaders list", true)]
    [TestCase("audit", true)]
    public void IsLeaderOnly_Command_FollowsProductSection7(string text, bool leaderOnly) =>
        Assert.That(Parsed<NormsCommand>(text).IsLeaderOnly, Is.EqualTo(leaderOnly));

    [Test]
    public void Parse_SetWithChannel_MatchesExpectedRecord() =>
        Assert.That(
            NormsCommandParser.Parse("set min-words 4 <#C0SUPPORT|support>"),
            Is.EqualTo(new SetCommand("min-words", "4", Support)));

    private static T Parsed<T>(string text)
        where T : NormsCommand
    {
        var result = NormsCommandParser.Parse(text);
        Assert.That(result, Is.InstanceOf<T>(), () => result.ToString());
        return (T)result;
    }
}
