using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NormBot.Digests;
using NormBot.Slack.Blocks;
using NormBot.Slack.Quotes;

namespace NormBot.Tests.Digests;

public sealed partial class DigestBlocksTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(7);

    private static PeriodFigures Figures(DateTimeOffset from, DateTimeOffset to, int opened, int open, int decisions) =>
        new(from, to, opened, opened - 10, open, opened - 5, opened - 20, TimeSpan.FromMinutes(95), TimeSpan.FromHours(7.5), decisions,
            new Dictionary<string, int> { ["context"] = 12, ["overdue"] = 40, ["escalation"] = 3 });

    // Long excerpts made of words, so a cut anywhere but a word boundary would show.
    private static string Excerpt(int i) =>
        string.Join(' ', Enumerable.Range(0, 40).Select(w => $"word{i}x{w}")) + " <script> & \"quotes\"";

    private static DigestReport BusyReport(int channels = 150)
    {
        var oldest = Enumerable.Range(0, DigestReporter.OpenAskLines)
            .Select(i => new OpenAskLine(
                new AskRow("C0BUSY", $"1700000{i:000}.000100", "U0ASKER", Excerpt(i), "open", 0, null, null),
                Quote.Of(Excerpt(i), _ => null),
                $"https://example.slack.com/archives/C0BUSY/p1700000{i:000}000100",
                TimeSpan.FromHours(30 + i)))
            .ToList();
        var decisions = Enumerable.Range(0, DigestReporter.DecisionLines)
            .Select(i => new DecisionLine(new DecisionRow("C0BUSY", $"1700001{i:000}.000100", "U0LEAD", 0, "Decision: " + Excerpt(i)), Quote.Of("Decision: " + Excerpt(i), _ => null), null))
            .ToList();
        return new DigestReport(
            Enumerable.Range(0, channels).Select(i => $"C0CHAN{i:000}").ToList(),
            TimeZoneInfo.Utc,
            Figures(From, To, opened: 612, open: 437, decisions: 64),
            Figures(From.AddDays(-7), From, opened: 575, open: 400, decisions: 70),
            oldest,
            decisions);
    }

    [Test]
    public void Render_VeryBusyChannel_StaysWithinSlackLimits()
    {
        var blocks = DigestBlocks.Render(BusyReport(), DigestService.Title);
        var json = JsonSerializer.SerializeToNode(blocks, NormBot.Slack.Api.SlackApiJson.Options)!.AsArray();

        Assert.That(blocks, Has.Count.LessThanOrEqualTo(BlockLimits.BlocksPerMessage));
        foreach (var block in json.Select(b => b!.AsObject()))
        {
            switch ((string)block["type"]!)
            {
                case "header":
                    Assert.That(((string)block["text"]!["text"]!).Length, Is.LessThanOrEqualTo(BlockLimits.HeaderText));
                    break;
                case "section":
                    Assert.That(((string?)block["text"]?["text"] ?? "").Length, Is.LessThanOrEqualTo(BlockLimits.SectionText));
                    var fields = block["fields"]?.AsArray() ?? [];
                    Assert.That(fields, Has.Count.LessThanOrEqualTo(BlockLimits.SectionFields));
                    Assert.That(fields.Select(f => ((string)f!["text"]!).Length), Has.All.LessThanOrEqualTo(BlockLimits.SectionFieldText));
                    break;
                case "context":
                    Assert.That(block["elements"]!.AsArray(), Has.Count.LessThanOrEqualTo(BlockLimits.ContextElements));
                    break;
            }
        }
    }

    [Test]
    public void Render_VeryBusyChannel_SummarisesWhatItCannotList()
    {
        var text = AllText(DigestBlocks.Render(BusyReport(), DigestService.Title));

        Assert.That(text, Does.Contain("*Oldest open asks* (437)"));
        Assert.That(text, Does.Contain("_and 427 more open asks_"));
        Assert.That(text, Does.Contain("_and 59 more decisions_"));
        Assert.That(text, Does.Contain("and 135 more"), "covered channels beyond the first 15");
    }

    [Test]
    public void Render_LongExcerpts_CutAtAWordBoundaryAndEscaped()
    {
        var text = AllText(DigestBlocks.Render(BusyReport(), DigestService.Title));
        var labels = LinkLabel().Matches(text).Select(m => m.Groups["label"].Value).ToList();

        Assert.That(labels, Has.Count.EqualTo(DigestReporter.OpenAskLines));
        foreach (var label in labels)
        {
            Assert.That(label, Does.EndWith(BlockLimits.Ellipsis));
            var kept = label[..^BlockLimits.Ellipsis.Length];
            var i = int.Parse(Regex.Match(kept, @"word(\d+)x").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var original = Excerpt(i);
            Assert.That(original, Does.StartWith(kept), "a prefix of the excerpt");
            Assert.That(original[kept.Length], Is.EqualTo(' '), "cut between words, never inside one");
        }

        Assert.That(text, Does.Not.Contain("<script>"));
    }

    [Test]
    public void Render_Figures_ShowChangeAgainstThePreviousPeriod()
    {
        var text = AllText(DigestBlocks.Render(BusyReport(), DigestService.Title));

        Assert.That(text, Does.Contain("*Asks opened*\n612 (+37)"));
        Assert.That(text, Does.Contain("*Still open*\n437 (+37)"));
        Assert.That(text, Does.Contain("*Decisions recorded*\n64 (-6)"));
        Assert.That(text, Does.Contain("*Median time to first reply*\n1h 35m (same as before)"));
        Assert.That(text, Does.Contain("overdue 40, context 12, escalation 3"));
    }

    [Test]
    public void Render_QuietPeriod_SaysSoInsteadOfEmptyFigures()
    {
        var quiet = new PeriodFigures(From, To, 0, 0, 0, 0, 0, null, null, 0, new Dictionary<string, int>());
        var report = new DigestReport([], TimeZoneInfo.Utc, quiet, quiet with { From = From.AddDays(-7), To = From }, [], []);

        var text = AllText(DigestBlocks.Render(report, DigestService.Title));

        Assert.That(text, Does.Contain("none, everything has an answer"));
        Assert.That(text, Does.Contain("n/a (nothing due yet)"));
        Assert.That(text, Does.Contain("n/a (no replies)"));
        Assert.That(text, Does.Contain("Covering all tracked channels"));
        Assert.That(text, Does.Not.Contain("Decisions recorded* ("));
    }

    private static string AllText(IReadOnlyList<Block> blocks)
    {
        var json = JsonSerializer.SerializeToNode(blocks, NormBot.Slack.Api.SlackApiJson.Options)!;
        return string.Join("\n", Strings(json));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key == "text" || p.Value is not JsonValue).SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [GeneratedRegex(@"<https://[^|>]+\|(?<label>[^>]+)>")]
    private static partial Regex LinkLabel();
}
