namespace NormBot.Demo;

/// <summary>
/// The end of the day. A digest the bot posted is already in the transcript; without one (the digest feature
/// is not in this build) the demo counts what NormBot sent, from the emulator's record, and says so.
/// </summary>
public static class DemoSummary
{
    public static async Task WriteAsync(DemoTranscript transcript, DemoScript script)
    {
        var sent = transcript.Sent;
        if (sent.Any(s => s.Kind == DemoTranscript.Post))
        {
            await transcript.LineAsync("End of the day: NormBot's digest is above.");
            return;
        }

        await transcript.LineAsync("End-of-day summary (computed by the demo from what NormBot sent; this build posts no digest yet):");
        var said = script.Day.Count(s => s.Say is not null);
        await transcript.LineAsync($"  {said} messages from {script.Team.Count} people; NormBot sent {sent.Count} messages, {sent.Count(s => s.Recipient.StartsWith('#'))} of them in a channel for all to see.");
        foreach (var (kind, label) in new[]
        {
            (DemoTranscript.ContextTip, "missing-context tips (private)"),
            (DemoTranscript.MisrouteNudge, "misrouted-topic nudges (private)"),
            (DemoTranscript.MovedCopy, "urgent messages moved to the right channel"),
            (DemoTranscript.OverdueDm, "overdue-reply DMs"),
            (DemoTranscript.Escalation, "escalations"),
            (DemoTranscript.Expectation, "when-to-expect-a-reply lines (private)"),
        })
        {
            var matching = sent.Where(s => s.Kind == kind).ToList();
            var where = matching.Count == 0 ? "" : $" ({string.Join(", ", matching.Select(s => s.Recipient).Distinct())})";
            await transcript.LineAsync($"  {label + ":",-44} {matching.Count}{where}");
        }
    }
}
