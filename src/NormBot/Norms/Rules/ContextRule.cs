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

    /// <summary>
    /// The smallest <c>min-words</c> under which this rule finds the message lacking context (null: under none), kept so
    /// that <c>/norms preview</c> replays the rule's own decision for any value. A greeting lacks context under every
    /// value; a short question from its word count up: more min-words never makes a message complete.
    /// </summary>
    public static int? LacksContextFrom(string text, bool hasFiles, string botUserId)
    {
        bool Lacks(int minWords) => ContextClassifier.Classify(text, minWords, hasFiles, botUserId).LacksContext;
        if (!Lacks(ProtocolValues.MaxMinWords))
        {
            return null;
        }

        var (low, high) = (1, ProtocolValues.MaxMinWords);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = Lacks(middle) ? (low, middle) : (middle + 1, high);
        }

        return low;
    }

    /// <summary>This rule's decision, from what <see cref="LacksContextFrom"/> kept, under any protocol: for preview.</summary>
    public static bool WouldNudge(int? lacksContextFrom, long? followUpAfterMs, Protocol protocol) =>
        protocol.Context && lacksContextFrom <= protocol.MinWords
        && (followUpAfterMs is not { } gap || gap > protocol.ContextGrace.TotalMilliseconds);

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
