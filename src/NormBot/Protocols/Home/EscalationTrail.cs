using NormBot.Norms.Escalations;
using NormBot.Slack;

namespace NormBot.Protocols.Home;

/// <summary>How far an ask's escalation chain went, for its asker's App Home (PRODUCT §14): each level, whom, and what came of it.</summary>
public static class EscalationTrail
{
    public static string Describe(IEnumerable<EscalationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var parts = steps.OrderBy(s => s.Level).Select(s =>
        {
            var what = s.Outcome switch
            {
                EscalationStep.Skipped => "skipped, away",
                EscalationStep.Held => "DM waits for their working hours",
                EscalationStep.NotSent => "not sent",
                _ => SlackDate.Format(DateTimeOffset.FromUnixTimeMilliseconds(s.At)),
            };
            return $"level {s.Level} → {s.Target} ({what})";
        }).ToList();
        return parts.Count == 0 ? string.Empty : "\n:rotating_light: Escalated: " + string.Join(", ", parts);
    }
}
