using NormBot.Norms.Asks;
using NormBot.Norms.Classification;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Users;

namespace NormBot.Norms.Rules;

/// <summary>Rule 3, first half: recognise asks and the people they wait on, and notice when they are answered.</summary>
public sealed class AskRule(AskStore asks, AskAddressees addressees, AnsweredAsks answered, UserDirectory users, UserGroups groups, SlackConnectionState slack)
{
    /// <summary>Records the message as an ask if it is one; <paramref name="since"/> starts the clock later than its ts (an edit that made it an ask).</summary>
    public async Task EvaluateAsync(SaidMessage said, Protocol protocol, CancellationToken ct, DateTimeOffset? since = null)
    {
        var verdict = AskClassifier.Classify(said.Text, said.UserId, slack.BotUserId, said.IsTopLevel, said.HasFiles, protocol.MinWords);
        if (!verdict.IsAsk || await addressees.ResolveAsync(said.TeamId, said.UserId, verdict, said.IsTopLevel, ct) is not { } people)
        {
            return;
        }

        var askedAt = since ?? said.At;
        var assignees = new List<AskAssignee>();
        foreach (var person in people)
        {
            var zone = person.UserId == AskStore.Anyone ? null : await users.TimeZoneAsync(said.TeamId, person.UserId, ct);
            assignees.Add(AskDeadlines.For(person.UserId, askedAt, protocol, zone, person.GroupId));
        }

        var ask = new Ask(said.TeamId, said.ChannelId, said.Ts, said.ThreadTs, said.UserId, Excerpt.Of(said.Text), Ask.Open, askedAt.ToUnixTimeMilliseconds());
        await asks.OpenAsync(ask, assignees, ct);
    }

    /// <summary>
    /// A thread reply from someone the ask waits on answers it: an assignee, any member of a user group it was asked
    /// of (also one who joined since), or anyone but the asker for an open question.
    /// </summary>
    public async Task OnThreadReplyAsync(SaidMessage reply, CancellationToken ct)
    {
        var ask = await asks.FindAsync(reply.TeamId, reply.ChannelId, reply.ThreadTs!, ct);
        if (ask is null || ask.State != Ask.Open || reply.UserId == ask.AskerId)
        {
            return;
        }

        await asks.NoteReplyAsync(reply.TeamId, reply.ChannelId, ask.Ts, reply.At, ct);
        var waitingOn = await asks.OpenAssigneesAsync(reply.TeamId, reply.ChannelId, ask.Ts, ct);
        if (waitingOn.Contains(AskStore.Anyone) || waitingOn.Contains(reply.UserId) || await InAskedGroupAsync(reply, ask, ct))
        {
            await answered.AnswerAsync(reply.TeamId, reply.ChannelId, ask.Ts, reply.UserId, AnswerKind.Reply, reply.Ts, null, ct);
        }
    }

    private async Task<bool> InAskedGroupAsync(SaidMessage reply, Ask ask, CancellationToken ct)
    {
        foreach (var group in await asks.GroupsAsync(reply.TeamId, reply.ChannelId, ask.Ts, ct))
        {
            if ((await groups.MembersAsync(reply.TeamId, group, ct))?.Contains(reply.UserId) == true)
            {
                return true;
            }
        }

        return false;
    }
}
