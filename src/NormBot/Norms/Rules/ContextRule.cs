using NormBot.Norms.Classification;
using NormBot.Norms.Context;
using NormBot.Norms.Nudges;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Api;
using NormBot.Slack.Outbox;

namespace NormBot.Norms.Rules;

/// <summary>Rule 1: a top-level greeting, ping or bare short question waits out context-grace, then gets a private tip.</summary>
public sealed class ContextRule(PendingContextStore pending, Nudger nudger)
{
    public async Task EvaluateAsync(SaidMessage said, Protocol protocol, CancellationToken ct)
    {
        if (!protocol.Context || !said.IsTopLevel)
        {
            return;
        }

        var verdict = ContextClassifier.Classify(said.Text, protocol.MinWords, said.HasFiles, said.BotUserId);
        if (!verdict.LacksContext)
        {
            return;
        }

        // The clock starts at the message ts (PRODUCT §10), so a bot catching up after downtime is fair.
        var due = said.At + protocol.ContextGrace;
        await pending.AddAsync(new PendingContext(said.TeamId, said.ChannelId, said.Ts, said.ThreadTs, said.UserId, verdict.Gap.ToString(), due.ToUnixTimeMilliseconds()), ct);
    }

    public bool HasContextNow(string text, bool hasFiles, Protocol protocol) =>
        !ContextClassifier.Classify(text, protocol.MinWords, hasFiles).LacksContext;

    /// <summary>Called when the grace has passed with no follow-up.</summary>
    public Task<NudgeOutcome> NudgeAsync(PendingContext waiting, Protocol protocol, CancellationToken ct)
    {
        var verdict = new ContextVerdict(Enum.TryParse<ContextGap>(waiting.Reason, out var gap) ? gap : ContextGap.ShortQuestion, waiting.Reason);
        var (text, blocks) = NudgeMessages.MissingContext(verdict, waiting.ChannelId, waiting.Ts);
        var message = OutboxMessage.Ephemeral(new PostEphemeral(waiting.ChannelId, waiting.UserId, text, blocks, waiting.ThreadTs));
        return nudger.SendAsync(
            new Nudge(waiting.TeamId, waiting.UserId, Nudge.Context, waiting.ChannelId, waiting.Ts, $"context:{waiting.ChannelId}:{waiting.Ts}", message, protocol.NudgeLimit, Detail: waiting.Reason, Observe: protocol.Observe),
            ct);
    }
}
