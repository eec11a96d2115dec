namespace NormBot.Digests;

/// <summary>
/// What the store keeps of a period [From, To) for its figures (<see cref="PeriodFigures.Of"/>): asks opened, decisions
/// and nudges from the day sums; of the settled asks opened in it, those answered by To (<see cref="Answered"/>,
/// <see cref="AnsweredWithin"/>, their reply times in ms) and those judged unanswered; as rows, the asks whose outcome
/// is worked out at report time (<see cref="Unsettled"/>); and how many asks were open at To.
/// </summary>
public sealed record PeriodData(
    long Opened,
    long Answered,
    long AnsweredWithin,
    long JudgedUnanswered,
    long[] ReplyMs,
    IReadOnlyList<AskRow> Unsettled,
    long StillOpen,
    long Decisions,
    IReadOnlyDictionary<string, int> NudgesByRule,
    int WouldHaveNudged);
