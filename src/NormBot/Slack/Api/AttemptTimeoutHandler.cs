namespace NormBot.Slack.Api;

/// <summary>
/// Bounds each attempt on the real clock: a hung connection is a fact about the network, not about
/// the injected clock, and a fake clock jumping hours in a test must not cancel a call in flight.
/// </summary>
public sealed class AttemptTimeoutHandler : DelegatingHandler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Timeout);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Slack did not answer within {Timeout.TotalSeconds:0}s");
        }
    }
}
