using NormBot.Norms.Rules;
using NormBot.Protocols;

namespace NormBot.Norms.Context;

/// <summary>Sends the missing-context nudges whose grace has passed without a follow-up.</summary>
public sealed class ContextGraceScanner(PendingContextStore pending, ProtocolService protocols, ContextRule rule, TimeProvider time)
{
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var waiting in await pending.DueAsync(time.GetUtcNow(), ct))
        {
            // Delete first: if another replica got here first, only one of us wins the row.
            if (!await pending.CancelAsync(waiting.TeamId, waiting.ChannelId, waiting.Ts, ct))
            {
                continue;
            }

            var protocol = await protocols.GetAsync(waiting.TeamId, waiting.ChannelId, ct);
            if (protocol.Context && protocol.Tracking && await rule.NudgeAsync(waiting, protocol, ct) == Nudges.NudgeOutcome.Sent)
            {
                sent++;
            }
        }

        return sent;
    }
}
