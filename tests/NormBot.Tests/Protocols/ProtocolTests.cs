using NormBot.Protocols;

namespace NormBot.Tests.Protocols;

public sealed class ProtocolTests
{
    private static readonly Dictionary<string, string> None = [];

    [Test]
    public void Resolve_NothingConfigured_UsesProductDefaults()
    {
        var protocol = Protocol.Resolve(None, None, []);

        Assert.Multiple(() =>
        {
            Assert.That(protocol.ResponseTime, Is.EqualTo(NormDuration.FromTime(TimeSpan.FromHours(4))));
            Assert.That(protocol.Hours, Is.EqualTo(new WorkingHours(TimeSpan.FromHours(9), TimeSpan.FromHours(17))));
            Assert.That(protocol.Days, Is.EqualTo(WorkingDays.MondayToFriday));
            Assert.That(protocol.TimeZone, Is.EqualTo(TimeZoneInfo.Utc));
            Assert.That(protocol.EscalateAfter, Is.EqualTo(2.0));
            Assert.That(protocol.EscalateTo, Is.Empty);
            Assert.That(protocol.Context, Is.True);
            Assert.That(protocol.MinWords, Is.EqualTo(6));
            Assert.That(protocol.ContextGrace, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(protocol.UrgentChannel, Is.Null);
            Assert.That(protocol.UrgentKeywords, Has.Count.EqualTo(11).And.Contains(":rotating_light:"));
            Assert.That(protocol.NudgeLimit, Is.EqualTo(5));
            Assert.That(protocol.Tracking, Is.True);
            Assert.That(protocol.Expectations, Is.True);
            Assert.That(protocol.HoursFromSlack, Is.False);
            Assert.That(protocol.AwayStatuses, Is.EqualTo(new[] { ":palm_tree:", ":airplane:", ":face_with_thermometer:", ":baby:", "out of office", "ooo", "vacation", "holiday", "on leave", "sick" }));
            Assert.That(protocol.OverriddenKeys, Is.Empty);
            Assert.That(protocol.Problems, Is.Empty);
            Assert.That(protocol.Values, Is.EquivalentTo(ProtocolKeys.Defaults));
        });
    }

    [Test]
    public void Resolve_ChannelOverride_WinsOverWorkspaceDefaultAndIsReported()
    {
        var defaults = new Dictionary<string, string> { ["response-time"] = "2h", ["hours"] = "08:00-16:00" };
        var overrides = new Dictionary<string, string> { ["response-time"] = "30m", ["tracking"] = "off" };

        var protocol = Protocol.Resolve(defaults, overrides, []);

        Assert.Multiple(() =>
        {
            Assert.That(protocol.ResponseTime.ToString(), Is.EqualTo("30m"));
            Assert.That(protocol.Hours.ToString(), Is.EqualTo("08:00-16:00"));
            Assert.That(protocol.Tracking, Is.False);
            Assert.That(protocol.OverriddenKeys, Is.EquivalentTo(new[] { "response-time", "tracking" }));
        });
    }

    [Test]
    public void Resolve_ChannelOverrideOfWorkspaceOnlyKey_IsIgnored()
    {
        var defaults = new Dictionary<string, string> { ["urgent-channel"] = "<#C1INC|incidents>" };
        var overrides = new Dictionary<string, string> { ["urgent-channel"] = "<#C2|other>", ["urgent-keywords"] = "fire" };

        var protocol = Protocol.Resolve(defaults, overrides, []);

        Assert.Multiple(() =>
        {
            Assert.That(protocol.UrgentChannel, Is.EqualTo(SlackRef.Channel("C1INC", "incidents")));
            Assert.That(protocol.UrgentKeywords, Does.Contain("outage").And.Not.Contain("fire"));
            Assert.That(protocol.OverriddenKeys, Is.Empty);
        });
    }

    [Test]
    public void Resolve_CorruptStoredValue_FallsBackAndReportsProblem()
    {
        var overrides = new Dictionary<string, string> { ["min-words"] = "lots" };

        var protocol = Protocol.Resolve(None, overrides, []);

        Assert.Multiple(() =>
        {
            Assert.That(protocol.MinWords, Is.EqualTo(6));
            Assert.That(protocol.OverriddenKeys, Is.Empty);
            Assert.That(protocol.Problems, Has.Count.EqualTo(1).And.Some.Contains("min-words"));
        });
    }

    [Test]
    public void Resolve_ConfigurationCasingAndEmptyTarget_AreAccepted()
    {
        var defaults = new Dictionary<string, string> { ["Response-Time"] = "1d", ["escalate-to"] = string.Empty, ["timezone"] = "Europe/Berlin" };
        var routes = new[] { new TopicRoute("billing", SlackRef.Channel("C9", "billing"), ["invoice", "refund"]) };

        var protocol = Protocol.Resolve(defaults, None, routes);

        Assert.Multiple(() =>
        {
            Assert.That(protocol.ResponseTime, Is.EqualTo(NormDuration.FromWorkingDays(1)));
            Assert.That(protocol.EscalateTo, Is.Empty);
            Assert.That(protocol.Routes, Is.EqualTo(routes));
            Assert.That(protocol.Schedule.TimeZone.Id, Is.EqualTo("Europe/Berlin"));
        });
    }

    [Test]
    public void Resolve_EscalationChainAndSlackHours_AreTyped()
    {
        var defaults = new Dictionary<string, string> { ["escalate-to"] = "<@U1LEAD|lead>, <#C1LEADS|eng-leads>, <!subteam^S1>", ["hours"] = "slack" };

        var protocol = Protocol.Resolve(defaults, None, []);

        Assert.Multiple(() =>
        {
            Assert.That(protocol.EscalateTo, Is.EqualTo(new[] { SlackRef.User("U1LEAD", "lead"), SlackRef.Channel("C1LEADS", "eng-leads"), SlackRef.UserGroup("S1") }));
            Assert.That(protocol.HoursFromSlack, Is.True);
            Assert.That(protocol.Hours.ToString(), Is.EqualTo("09:00-17:00"), "the fallback for people without a Slack schedule");
        });
    }
}
