using NormBot.Norms.Classification;
using NormBot.Norms.Nudges;
using NormBot.Protocols;
using NormBot.Slack.Api;
using NormBot.Slack.Outbox;
using NormBot.Slack.Users;

namespace NormBot.Norms.Rules;

/// <summary>Rule 2: an urgent (or routed) topic outside its channel gets a private nudge with a one-click move.</summary>
public sealed class MisrouteRule(Nudger nudger, ChannelNames channels)
{
    public async Task EvaluateAsync(SaidMessage said, Protocol protocol, CancellationToken ct)
    {
        // A reply inside a thread continues a conversation that already lives somewhere; moving one reply helps nobody.
        var match = said.IsTopLevel ? Find(said, protocol) : null;
        if (match is null)
        {
            return;
        }

        var (topic, target, matched) = match.Value;
        var (text, blocks) = NudgeMessages.Misrouted(topic, target, await channels.NameAsync(said.TeamId, target, ct), said.ChannelId, said.Ts, matched);
        var message = OutboxMessage.Ephemeral(new PostEphemeral(said.ChannelId, said.UserId, text, blocks, said.ThreadTs));
        await nudger.SendAsync(
            new Nudge(said.TeamId, said.UserId, Nudge.Misroute, said.ChannelId, said.Ts, $"misroute:{said.ChannelId}:{said.Ts}", message, protocol.NudgeLimit, Detail: $"{topic}:{string.Join(',', matched)}", Observe: protocol.Observe),
            ct);
    }

    /// <summary>The urgent route first, then topic routes in name order; a message in the right channel is fine.</summary>
    private static (string Topic, string Target, IReadOnlyList<string> Matched)? Find(SaidMessage said, Protocol protocol)
    {
        if (protocol.UrgentChannel?.Id is { } urgent && urgent != said.ChannelId
            && UrgentMatcher.FindMatches(said.Text, protocol.UrgentKeywords) is { Count: > 0 } urgentWords)
        {
            return ("urgent", urgent, urgentWords);
        }

        foreach (var route in protocol.Routes)
        {
            if (route.Channel.Id is { } target && target != said.ChannelId
                && KeywordMatcher.FindMatches(said.Text, route.Keywords) is { Count: > 0 } words)
            {
                return (route.Topic, target, words);
            }
        }

        return null;
    }
}
