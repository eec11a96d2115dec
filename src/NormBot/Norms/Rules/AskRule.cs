using NormBot.Norms.Asks;
using NormBot.Norms.Classification;
using NormBot.Norms.Expectations;
using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Users;

namespace NormBot.Norms.Rules;

/// <summary>Rule 3, first half: recognise asks and the people they wait on, and notice when they are answered.</summary>
public sealed class AskRule(AskStore asks, AskAddressees addressees, AnsweredAsks answered, PersonalSchedules schedules, ExpectationLine expectations, UserGroups groups)
{
    /// <summary>
    /// Records the message as an ask if it is one; <paramref name="since"/> starts the clock later than its ts (an edit
    /// that made it an ask, a late delivery); <paramref name="quiet"/> records it without telling the asker anything.
    /// </summary>
    public async Task EvaluateAsync(SaidMessage said, Protocol protocol, CancellationToken ct, DateTimeOffset? since = null, bool quiet = false)
    {
        var verdict = AskClassifier.Classify(said.Text, said.UserId, said.BotUserId, said.IsTopLevel, said.HasFiles, protocol.MinWords);
        if (!verdict.IsAsk || await addressees.ResolveAsync(said.TeamId, said.UserId, verdict, said.IsTopLevel, ct) is not { } people)
        {
            return;
        }

        var askedAt = since ?? said.At;
        var assignees = new List<AskAssignee>();
        var outlooks = new List<ReplyOutlook>();
        foreach (var person in people)
        {
            // Each assignee's clock runs on their own hours, days and zone, minus holidays and away time (PRODUCT §14).
            var schedule = await schedules.ForAsync(said.TeamId, person.UserId, said.ChannelId, protocol, ct);
            var assignee = AskDeadlines.For(person.UserId, askedAt, protocol, schedule, person.GroupId);
            assignees.Add(assignee);
            if (person.UserId != AskStore.Anyone)
            {
                outlooks.Add(ReplyOutlook.Of(person.UserId, schedule, askedAt, assignee.DueAt));
            }
        }

        var ask = new Ask(said.TeamId, said.ChannelId, said.Ts, said.ThreadTs, said.UserId, Excerpt.Of(said.Text), Ask.Open, askedAt.ToUnixTimeMilliseconds());
        if (await asks.OpenAsync(ask, assignees, ct) && outlooks.Count == assignees.Count && !quiet)
        {
            await expectations.TellAsync(said, protocol, outlooks, ct);
        }
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
