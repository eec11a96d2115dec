using System.Globalization;

namespace NormBot.Tests.Norms.Classification.Corpus;

/// <summary>
/// One rule's confusion counts on one part of the corpus. A "wrong nudge" is a message the rule would act on when it
/// should not: a false positive, or (for asks) an ask sent to people who were not asked.
/// </summary>
public sealed record RuleRates(string Rule, CorpusPart Part, int Judged, int Expected, int Caught, int FalsePositives, int WrongWho)
{
    public int Predicted => Caught + FalsePositives + WrongWho;

    public double Recall => Expected == 0 ? 1 : (double)Caught / Expected;

    public double Precision => Predicted == 0 ? 1 : (double)Caught / Predicted;

    public double WronglyNudged => Judged == 0 ? 0 : (double)(FalsePositives + WrongWho) / Judged;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Rule} | {(Part == CorpusPart.Development ? "development" : "held out")} | {Judged} | {Expected} | {Percent(Precision)} | {Percent(Recall)} | {FalsePositives + WrongWho} ({Percent(WronglyNudged)}) |");

    public const string Header = "| rule | part | messages judged | labelled positive | precision | recall | wrongly nudged |\n| --- | --- | --- | --- | --- | --- | --- |";

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}
