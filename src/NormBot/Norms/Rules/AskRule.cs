using NormBot.Norms.Asks;
using NormBot.Norms.Classification;
using NormBot.Norms.Expectations;
using NormBot.Norms.People;
using NormBot.Protocols;
using NormBot.Slack;

namespace NormBot.Norms.Rules;

/// <summary>Rule 3, first half: recognise asks and their assignees, and notice when they are answered.</summary>
public sealed class AskRule(AskStore asks, PersonalSchedules schedules, ExpectationLine expectations)
{
    public async Task EvaluateAsync(SaidMessage said, Protocol protocol, CancellationToken ct)
    {
        var mentioned = MessageText.UserMentions(said.Text).Where(u => u != said.UserId && u != said.BotUserId).Distinct().ToList();
        var groups = MessageText.UserGroupMentions(said.Text);

        // In a thread only an explicit mention makes a new ask: a question there is usually part of the conversation.
        var isAsk = mentioned.Count > 0 || groups.Count > 0 || (said.IsTopLevel && ContextClassifier.IsQuestion(said.Text));

        // "hi @bob" is a greeting, not an ask: the ask is the message that follows it (rule 1 handles the greeting).
        var gap = ContextClassifier.Classify(said.Text, protocol.MinWords, said.HasFiles).Gap;
        if (!isAsk || gap is ContextGap.BareGreeting or ContextGap.BarePing)
        {
            return;
        }

        // No person mentioned (a question, or a user group we cannot expand): anyone in the channel may answer.
        var people = mentioned.Count > 0 ? mentioned : [AskStore.Anyone];
        var assignees = new List<AskAssignee>();
        var outlooks = new List<ReplyOutlook>();
        foreach (var person in people)
        {
            // Each assignee's clock runs on their own hours, days and zone, minus holidays and away time (PRODUCT §14).
            var schedule = await schedules.ForAsync(said.TeamId, person, said.ChannelId, protocol, ct);
            var assignee = AskDeadlines.For(person, said.At, protocol, schedule);
            assignees.Add(assignee);
            if (person != AskStore.Anyone)
            {
                outlooks.Add(ReplyOutlook.Of(person, schedule, said.At, assignee.DueAt));
            }
        }

        var ask = new Ask(said.TeamId, said.ChannelId, said.Ts, said.ThreadTs, said.UserId, Excerpt.Of(said.Text), Ask.Open, said.At.ToUnixTimeMilliseconds());
        if (await asks.OpenAsync(ask, assignees, ct) && outlooks.Count == assignees.Count)
        {
            await expectations.TellAsync(said, protocol, outlooks, ct);
        }
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
