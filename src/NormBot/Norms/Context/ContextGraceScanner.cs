using NormBot.Norms.Rules;
using NormBot.Protocols;

namespace NormBot.Norms.Context;

/// <summary>Sends the missing-context nudges whose grace has passed without a follow-up.</summary>
public sealed partial class ContextGraceScanner(PendingContextStore pending, ProtocolService protocols, ContextRule rule, TimeProvider time, ILogger<ContextGraceScanner> logger)
{
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var waiting in await pending.DueAsync(time.GetUtcNow(), ct))
        {
            // The row goes only once its nudge is recorded: a failure or a replica that dies in between leaves it to
            // the next pass, and the nudge's effect key keeps that pass, or another replica's, from sending it twice.
            try
            {
                var protocol = await protocols.GetAsync(waiting.TeamId, waiting.ChannelId, ct);
                if (protocol.Context && protocol.Tracking && await rule.NudgeAsync(waiting, protocol, ct) == Nudges.NudgeOutcome.Sent)
                {
                    sent++;
                }

                await pending.CancelAsync(waiting.TeamId, waiting.ChannelId, waiting.Ts, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, waiting.ChannelId, waiting.Ts, ex);
            }
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Context nudge for {ChannelId} {Ts} failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, string channelId, string ts, Exception exception);
}
