using System.Diagnostics;
using NormBot.Demo;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Demo;

/// <summary>The repository's demo day, run in process as <c>normbot demo --speed 0</c> would run it.</summary>
public sealed class DemoRunTests
{
    private static string RepoScript => Path.Combine(Repository.Root, "src", "NormBot", "Demo", "day.yaml");

    private string _transcript = "";
    private string _errors = "";
    private int _exitCode = -1;
    private TimeSpan _took;

    [OneTimeSetUp]
    public async Task RunTheDayAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var clock = Stopwatch.StartNew();
        _exitCode = await DemoCommand.RunAsync(["demo", "--speed", "0", "--script", RepoScript], output, error);
        _took = clock.Elapsed;
        _transcript = output.ToString();
        _errors = error.ToString();
    }

    [Test]
    public void Demo_FinishesByItselfWithinAMinute_ExitZero()
    {
        Assert.That(_exitCode, Is.Zero, _errors);
        Assert.That(_took, Is.LessThan(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Transcript_ShowsWhatTheTeamSaid()
    {
        Assert.That(_transcript, Does.Contain("09:20  #general    bob: quick question"));
        Assert.That(_transcript, Does.Contain("maya: /norms set urgent-channel #incidents"));
    }

    [Test]
    public void Transcript_LeadPreviewsTwoResponseTimes_ThenChangesIt()
    {
        var first = _transcript.IndexOf("maya: /norms preview set response-time 1h", StringComparison.Ordinal);
        var second = _transcript.IndexOf("maya: /norms preview set response-time 4h", StringComparison.Ordinal);
        var change = _transcript.IndexOf("maya: /norms set response-time 4h", StringComparison.Ordinal);

        Assert.That(first, Is.GreaterThan(0));
        Assert.That(second, Is.GreaterThan(first));
        Assert.That(change, Is.GreaterThan(second), "the preview comes before the change");
        Assert.That(_transcript[first..change], Does.Contain("`response-time` 2h → 1h").And.Contain("`response-time` 2h → 4h").And.Contain("Past due: ").And.Contain("Nothing was changed"));
        Assert.That(_transcript, Does.Contain("Set response-time for the workspace (every channel without its own override): 2h → 4h"));
    }

    [Test]
    public void Transcript_ShowsMissingContextTipAfterGrace()
    {
        // Due at 09:21 (1m grace). The demo waits for every pass the clock reaches, so a loaded machine is no later.
        Assert.That(_transcript, Does.Contain("09:21              >> NormBot to bob only, in #general [missing context]:"));
        Assert.That(_transcript, Does.Not.Contain("NormBot to ana only, in #general [missing context]"), "ana's follow-up came within the grace");
    }

    [Test]
    public void Transcript_ShowsMisrouteNudgeWithButtonsAndTheMovedMessage()
    {
        Assert.That(_transcript, Does.Contain("NormBot to bob only, in #general [misrouted topic]:"));
        Assert.That(_transcript, Does.Contain("[ Post it in #incidents ]  [ Not urgent ]"));
        Assert.That(_transcript, Does.Contain(">> NormBot posts in #incidents [moved to the right channel]:"));
        Assert.That(_transcript, Does.Contain("@bob posted this in #general: URGENT: checkout is down"));
    }

    [Test]
    public void Transcript_ShowsOverdueDmsAndMarkAnswered()
    {
        // In the minute each falls due (2h of working time after 09:10 and 09:30:30), however slow the machine.
        Assert.That(_transcript, Does.Contain("11:10              >> NormBot DM to priya [overdue reply]:"));
        Assert.That(_transcript, Does.Contain("11:31              >> NormBot DM to bob [overdue reply]:"));
        Assert.That(_transcript, Does.Contain("[ Reply now ]  [ Mark answered ]  [ Snooze 1h ]  [ Not for me ]"));
        Assert.That(_transcript, Does.Contain("updates its DM to priya [DM updated]"));
        Assert.That(_transcript, Does.Not.Contain("DM to tom"), "tom answered within his own working hours");
        Assert.That(_transcript, Does.Not.Contain("DM to ana"), "ana closed tom's ask with a checkmark");
        Assert.That(_transcript, Does.Contain("11:00              >> NormBot DM to bob [overdue reply]:"), "#support's own 1h response time");
    }

    [Test]
    public void Transcript_WhyOnATip_ExplainsTheRuleTheNormsAndWhoSetsThem()
    {
        Assert.That(_transcript, Does.Contain("bob presses [ Why? ] on NormBot's 09:21 message"));
        Assert.That(_transcript, Does.Contain("*Missing context.* With `context` on in #general").And.Contain("`context-grace` 1m"));
        Assert.That(_transcript, Does.Contain("*Who sets these norms:* workspace admins and owners, and @maya"));
    }

    [Test]
    public void Transcript_AnswerInTheThread_UpdatesTheReminderAndTheEscalationInPlace()
    {
        Assert.That(_transcript, Does.Contain("13:40              >> NormBot updates its post in #general [post updated]:"));
        Assert.That(_transcript, Does.Contain(">> NormBot updates its DM to bob [DM updated]:\n                   :white_check_mark: Answered: @bob replied."));
    }

    [Test]
    public void Transcript_QuestionNobodyAnswered_OnlyItsAskerGetsANote()
    {
        Assert.That(_transcript, Does.Contain("16:10              >> NormBot to tom only, in #design [unanswered ask]:"));
        Assert.That(_transcript, Does.Not.Contain("NormBot to tom only, in #design [misrouted topic]"), "\"p1 priority badge\" names a label, not an incident");
    }

    [Test]
    public void Transcript_ShowsTheThreadEscalationAndATwoLevelChain()
    {
        var escalations = _transcript.Split('\n').Count(l => l.Contains("[escalation]", StringComparison.Ordinal));

        Assert.That(escalations, Is.EqualTo(3));
        Assert.That(_transcript, Does.Contain("13:31              >> NormBot in #general, in the ask's thread [escalation]:"), "due at 13:30:30, before bob's 13:40 reply");
        Assert.That(_transcript, Does.Contain("@maya An ask in #general has waited 4h of working time for @bob."));

        // #support: 1h response time, escalate-to @maya, #leads: level 1 after 2h of bob's time, level 2 after 4h.
        Assert.That(_transcript, Does.Contain("12:00              >> NormBot DM to maya [escalation]:"));
        Assert.That(_transcript, Does.Contain("Escalation level 1 of 2: *@maya* → #leads"));
        Assert.That(_transcript, Does.Contain("14:00              >> NormBot posts in #leads [escalation]:"));
        Assert.That(_transcript.IndexOf("DM to maya [escalation]", StringComparison.Ordinal), Is.LessThan(_transcript.IndexOf("posts in #leads [escalation]", StringComparison.Ordinal)));
    }

    [Test]
    public void Transcript_SomeoneOnVacation_NoReminderAndTheAskerToldWhenToExpectAReply()
    {
        Assert.That(_transcript, Does.Contain("10:20              >> NormBot to ana only, in #general [when to expect a reply]:"));
        Assert.That(_transcript, Does.Contain("@sam is away (:palm_tree: Vacation) until Wed 25 Nov 08:00. Expect a reply by Wed 25 Nov 10:00."));
        Assert.That(_transcript, Does.Not.Contain("DM to sam"), "her clock waits until she is back on Wednesday");
    }

    [Test]
    public void Transcript_EndsWithDigestOrComputedSummary()
    {
        Assert.That(_transcript, Does.Contain("End-of-day summary (computed by the demo").Or.Contain("End of the day: NormBot's digest is above."));
    }

    [Test]
    public void Transcript_CarriesNoBotLogLines()
    {
        Assert.That(_transcript, Does.Not.Contain("info:").And.Not.Contain("warn:").And.Not.Contain("\"LogLevel\""));
    }
}
