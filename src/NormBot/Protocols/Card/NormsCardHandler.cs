using NormBot.Slack.Api;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Slack.Outbox;
using NormBot.Storage;

namespace NormBot.Protocols.Card;

/// <summary>
/// A newcomer to a channel with tracking and <c>welcome</c> on gets its norms card, once per person and channel: the
/// effect key is written with the outbox message, so a replayed join, or leaving and joining again, sends no second card.
/// </summary>
public sealed class NormsCardHandler(Db db, SlackOutbox outbox, ProtocolService protocols, LeaderPolicy leaders, TimeProvider time)
    : IEventHandler<MemberJoinedChannelEvent>
{
    public async Task HandleAsync(MemberJoinedChannelEvent slackEvent, EventContext context, CancellationToken ct)
    {
        // A join Slack delivers a day late (a replay, a backfill) is old news: a card now would puzzle its reader.
        if (slackEvent is not { User: { } user, Channel: { } channel } || user == context.BotUserId
            || time.GetUtcNow() - context.EventTime > Norms.Rules.MessageRulesHandler.LateAfter)
        {
            return;
        }

        var protocol = await protocols.GetAsync(context.TeamId, channel, ct);
        // Observe mode sends nobody anything (PRODUCT §16), the card included.
        if (!protocol.Tracking || !protocol.Welcome || protocol.Observe)
        {
            return;
        }

        var (text, blocks) = NormsCard.Build(protocol, channel, await leaders.WhoCanAsync(context.TeamId, ct));
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await outbox.FirstTimeAsync(connection, tx, context.TeamId, $"welcome:{channel}:{user}"))
        {
            return;
        }

        if (await outbox.AddAsync(connection, tx, context.TeamId, OutboxMessage.Ephemeral(new PostEphemeral(channel, user, text, blocks))))
        {
            await tx.CommitAsync(ct);
            outbox.Signal();
        }
    }
}
