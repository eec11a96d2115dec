using NormBot.Digests;
using NormBot.Protocols;

namespace NormBot.Tests.Digests;

/// <summary>
/// A seeded week checked by hand. Channel C1 works 09:00–17:00 Mon–Fri UTC with response-time 4h.
/// The period is Mon 2 Mar 2026 00:00 to Mon 9 Mar 00:00; the previous period is the week before.
/// </summary>
public sealed class PeriodFiguresTests
{
    private static readonly DateTimeOffset From = At(2, 0, 0);
    private static readonly DateTimeOffset To = At(9, 0, 0);
    private static readonly DateTimeOffset PreviousFrom = From.AddDays(-7);
    private static readonly ChannelNorms Norms = new(WorkSchedule.Default, NormDuration.FromTime(TimeSpan.FromHours(4)));

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static AskRow Answered(string ts, DateTimeOffset opened, DateTimeOffset reply) =>
        new("C1", ts, "U1", "ask " + ts, "answered", Ms(opened), Ms(reply), Ms(reply));

    private static AskRow Open(string ts, DateTimeOffset opened) => new("C1", ts, "U1", "ask " + ts, "open", Ms(opened), null, null);

    private static DigestData History() => new(
        [
            Open("0", new DateTimeOffset(2026, 2, 25, 10, 0, 0, TimeSpan.Zero)), // previous week, still open
            Answered("1", At(2, 9, 0), At(2, 9, 30)),   // 30m, within
            Answered("2", At(2, 10, 0), At(2, 11, 0)),  // 1h, within
            Answered("3", At(2, 16, 0), At(3, 10, 0)),  // 1h Mon + 1h Tue = 2h, within (due Tue 12:00)
            Answered("4", At(3, 9, 0), At(3, 12, 0)),   // 3h, within
            Answered("5", At(3, 12, 0), At(3, 17, 0)),  // 5h, late (due 16:00)
            Answered("6", At(6, 15, 0), At(7, 10, 0)),  // Fri 15:00 → Sat: 2h of working time, within (due Mon 11:00)
            Answered("7", At(4, 9, 0), At(4, 17, 0)),   // 8h, late
            Open("8", At(4, 10, 0)),                    // due Wed 14:00, unanswered: judged, late
            Open("9", At(6, 16, 30)),                   // due Mon 12:30, after the period: not judged yet
            new("C1", "10", "U1", "ask 10", "answered", Ms(At(5, 9, 0)), null, Ms(At(5, 9, 45))), // ✅ after 45m, within
            new("C1", "11", "U1", "ask 11", "dismissed", Ms(At(5, 10, 0)), null, Ms(At(5, 11, 0))), // dismissed: neither judged nor open
            new("C1", "12", "U1", "ask 12", "deleted", Ms(At(4, 11, 0)), null, null), // deleted: not counted at all
        ],
        [
            new DecisionRow("C1", "d1", "U1", Ms(At(3, 10, 0)), "Decision: ship on Friday"),
            new DecisionRow("C1", "d2", "U1", Ms(At(5, 10, 0)), "Decision: freeze on Thursday"),
            new DecisionRow("C1", "d0", "U1", Ms(At(2, 0, 0).AddDays(-3)), "Decision: last week"),
        ],
        [
            new NudgeRow("C1", "context", Ms(At(2, 9, 5))),
            new NudgeRow("C1", "context", Ms(At(3, 9, 5))),
            new NudgeRow("C1", "context", Ms(At(4, 9, 5))),
            new NudgeRow("C1", "overdue", Ms(At(4, 14, 0))),
            new NudgeRow("C1", "misroute", Ms(At(2, 0, 0).AddDays(-2))),
        ]);

    [Test]
    public void Compute_SeededWeek_CountsAsks()
    {
        var figures = PeriodFigures.Compute(History(), From, To, _ => Norms);

        Assert.That(figures.Opened, Is.EqualTo(11), "asks 1–11; the deleted one does not count");
        Assert.That(figures.Answered, Is.EqualTo(8), "1–7 and 10");
        Assert.That(figures.StillOpen, Is.EqualTo(3), "0, 8 and 9");
    }

    [Test]
    public void Compute_SeededWeek_ShareWithinResponseTimeAmongAsksWhoseOutcomeIsKnown()
    {
        var figures = PeriodFigures.Compute(History(), From, To, _ => Norms);

        Assert.That(figures.Judged, Is.EqualTo(9), "eight answered plus ask 8, past due");
        Assert.That(figures.AnsweredWithin, Is.EqualTo(6), "1, 2, 3, 4, 6 and 10");
        Assert.That(figures.ShareWithin, Is.EqualTo(6.0 / 9).Within(1e-9));
    }

    [Test]
    public void Compute_SeededWeek_MedianAndP90InWorkingTime()
    {
        // Working times sorted: 30m, 45m, 1h, 2h, 2h, 3h, 5h, 8h.
        // Median: rank 3.5 → (2h + 2h) / 2 = 2h. P90: rank 6.3 → 5h + 0.3 × 3h = 5h54m.
        var figures = PeriodFigures.Compute(History(), From, To, _ => Norms);

        Assert.That(figures.Median, Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(figures.P90, Is.EqualTo(new TimeSpan(5, 54, 0)));
    }

    [Test]
    public void Compute_SeededWeek_DecisionsAndNudgesByRuleInThePeriodOnly()
    {
        var figures = PeriodFigures.Compute(History(), From, To, _ => Norms);

        Assert.That(figures.Decisions, Is.EqualTo(2));
        Assert.That(figures.NudgesByRule, Is.EquivalentTo(new Dictionary<string, int> { ["context"] = 3, ["overdue"] = 1 }));
        Assert.That(figures.Nudges, Is.EqualTo(4));
    }

    [Test]
    public void Compute_PreviousWeek_GivesTheBaselineForTheChange()
    {
        var figures = PeriodFigures.Compute(History(), PreviousFrom, From, _ => Norms);

        Assert.That(figures.Opened, Is.EqualTo(1));
        Assert.That(figures.Answered, Is.Zero);
        Assert.That(figures.StillOpen, Is.EqualTo(1));
        Assert.That(figures.ShareWithin, Is.Zero);
        Assert.That(figures.Median, Is.Null);
        Assert.That(figures.Decisions, Is.EqualTo(1));
        Assert.That(figures.NudgesByRule, Is.EquivalentTo(new Dictionary<string, int> { ["misroute"] = 1 }));
    }

    [Test]
    public void Compute_NothingRecorded_HasNoShareAndNoTimes()
    {
        var figures = PeriodFigures.Compute(new DigestData([], [], []), From, To, _ => Norms);

        Assert.That(figures.ShareWithin, Is.Null);
        Assert.That(figures.Median, Is.Null);
        Assert.That(figures.P90, Is.Null);
    }

    [Test]
    public void Compute_ReplyAfterAHolidayOrAwayTime_IsNotSlow()
    {
        // Tue 3 March is a holiday for U2's ask; U3 was away Wed 4 March 10:00 to Thu 5 March 12:00.
        var holiday = Norms with { Schedule = WorkSchedule.Default with { Holidays = new HashSet<DateOnly> { new(2026, 3, 3) } } };
        var away = Norms with { Schedule = WorkSchedule.Default with { Away = [new AwaySpan(At(4, 10, 0), At(5, 12, 0))] } };
        var data = new DigestData(
            [
                Answered("1", At(2, 16, 0), At(4, 10, 0)) with { AssigneeId = "U2" }, // 1h Mon + 1h Wed = 2h
                Answered("2", At(4, 9, 0), At(5, 14, 0)) with { AssigneeId = "U3" },  // 1h Wed + 2h Thu = 3h
            ],
            [],
            []);

        var figures = PeriodFigures.Compute(data, From, To, a => a.AssigneeId == "U2" ? holiday : away);

        Assert.Multiple(() =>
        {
            Assert.That(figures.AnsweredWithin, Is.EqualTo(2), "both within 4h of working time");
            Assert.That(figures.Median, Is.EqualTo(TimeSpan.FromHours(2.5)));
        });
    }
}
