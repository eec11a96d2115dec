using NormBot.Norms.Asks;
using NormBot.Norms.Classification;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Users;

namespace NormBot.Norms.Rules;

/// <summary>Rule 3, first half: recognise asks and their assignees, and notice when they are answered.</summary>
public sealed class AskRule(AskStore asks, UserDirectory users, SlackConnectionState slack)
{
    public async Task EvaluateAsync(SaidMessage said, Protocol protocol, CancellationToken ct)
    {
        var verdict = AskClassifier.Classify(said.Text, said.UserId, slack.BotUserId, said.IsTopLevel, said.HasFiles, protocol.MinWords);
        if (!verdict.IsAsk)
        {
            return;
        }

        // No person mentioned (a question, or a user group we cannot expand): anyone in the channel may answer.
        var people = verdict.Users.Count > 0 ? verdict.Users : [AskStore.Anyone];
        var assignees = new List<AskAssignee>();
        foreach (var person in people)
        {
            var zone = person == AskStore.Anyone ? null : await users.TimeZoneAsync(said.TeamId, person, ct);
            assignees.Add(AskDeadlines.For(person, said.At, protocol, zone));
        }

        var ask = new Ask(said.TeamId, said.ChannelId, said.Ts, said.ThreadTs, said.UserId, Excerpt.Of(said.Text), Ask.Open, said.At.ToUnixTimeMilliseconds());
        await asks.OpenAsync(ask, assignees, ct);
    }

    /// <summary>A thread reply from an assignee (anyone but the asker, for an open question) answers the ask.</summary>
    public async Task OnThreadReplyAsync(SaidMessage reply, CancellationToken ct)
    {
        var ask = await asks.FindAsync(reply.TeamId, reply.ChannelId, reply.ThreadTs!, ct);
        if (ask is null || ask.State != Ask.Open || reply.UserId == ask.AskerId)
        {
            return;
        }

        await asks.NoteReplyAsync(reply.TeamId, reply.ChannelId, ask.Ts, reply.At, ct);
        var waitingOn = await asks.OpenAssigneesAsync(reply.TeamId, reply.ChannelId, ask.Ts, ct);
        if (waitingOn.Contains(AskStore.Anyone) || waitingOn.Contains(reply.UserId))
        {
            await asks.ResolveAsync(reply.TeamId, reply.ChannelId, ask.Ts, Ask.Answered, reply.UserId, ct);
        }
    }
}
