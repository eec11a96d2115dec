using NormBot.Norms.Nudges;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Outbox;
using NormBot.Slack.Quotes;
using NormBot.Storage;

namespace NormBot.Norms.Asks;

/// <summary>
/// Answered is answered everywhere (PRODUCT §13): answering an ask (a thread reply, a ✅, Mark answered) closes it and
/// rewrites every reminder DM and escalation the bot sent about it to say who answered, with a link, so nobody acts
/// on a stale reminder. Taking the ✅ back reopens the ask and says so in the same places. The edits go through the
/// outbox, so they survive a restart and Slack's bad moments like every other message.
/// </summary>
public sealed class AnsweredAsks(AskStore asks, AskPostStore posts, SlackOutbox outbox, Db db, ISlackClients slack, SlackQuotes quotes)
{
    /// <summary>Closes the ask as answered by <paramref name="by"/>; false when it was not open. <paramref name="except"/> is a post already edited by its own button.</summary>
    public async Task<bool> AnswerAsync(
        string teamId, string channelId, string ts, string by, AnswerKind how, string? replyTs, PostedAbout? except, CancellationToken ct)
    {
        var ask = await asks.FindAsync(teamId, channelId, ts, ct);
        if (ask is null || !await asks.ResolveAsync(teamId, channelId, ts, Ask.Answered, by, ct))
        {
            return false;
        }

        var link = await slack.For(teamId).PermalinkOrNullAsync(channelId, replyTs ?? ts, ct);
        var who = how switch
        {
            AnswerKind.Reply => $"<@{by}> replied",
            AnswerKind.Checkmark => $"<@{by}> marked it answered with :white_check_mark:",
            _ => $"<@{by}> marked it answered",
        };
        var text = $":white_check_mark: Answered: {who}. Nothing is waiting on this ask in <#{channelId}> any more.";
        var more = link is null ? "" : $"\n<{link}|{(how == AnswerKind.Reply ? "See the reply" : "Open the conversation")}>";
        await EditPostsAsync(teamId, channelId, ts, text, [new SectionBlock(TextObject.Markdown(text)), new SectionBlock(TextObject.Markdown((await quotes.OfAsync(teamId, ask.Excerpt, ct)).Block() + more))], except, ct);
        return true;
    }

    /// <summary>Reopens an ask whose ✅ <paramref name="by"/> took back; false when their ✅ had not answered it.</summary>
    public async Task<bool> ReopenAsync(string teamId, string channelId, string ts, string by, CancellationToken ct)
    {
        var ask = await asks.FindAsync(teamId, channelId, ts, ct);
        if (ask is null || !await asks.ReopenAsync(teamId, channelId, ts, by, ct))
        {
            return false;
        }

        var link = await slack.For(teamId).PermalinkOrNullAsync(channelId, ts, ct);
        var text = $":arrows_counterclockwise: Open again: <@{by}> took back the :white_check_mark: on this ask in <#{channelId}>, so it is waiting for a reply.";
        var buttons = new List<BlockElement>();
        if (link is not null)
        {
            buttons.Add(new ButtonElement(TextObject.Plain("Reply now")) { ActionId = NudgeActions.ReplyNow, Url = link, Style = ButtonElement.Primary });
        }

        buttons.Add(new ButtonElement(TextObject.Plain("Mark answered")) { ActionId = NudgeActions.MarkAnswered, Value = NudgeActions.Value(channelId, ts) });
        await EditPostsAsync(teamId, channelId, ts, text, [new SectionBlock(TextObject.Markdown(text)), new SectionBlock(TextObject.Markdown((await quotes.OfAsync(teamId, ask.Excerpt, ct)).Block())), new ActionsBlock(buttons)], null, ct);
        return true;
    }

    private async Task EditPostsAsync(string teamId, string channelId, string ts, string text, IReadOnlyList<Block> blocks, PostedAbout? except, CancellationToken ct)
    {
        var edits = (await posts.PostsAboutAsync(teamId, channelId, ts, ct)).Where(p => p != except).ToList();
        if (edits.Count == 0)
        {
            return;
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var post in edits)
        {
            await outbox.AddAsync(connection, tx, teamId, OutboxMessage.Update(new UpdateMessage(post.ChannelId, post.Ts, text, blocks)));
        }

        await tx.CommitAsync(ct);
        outbox.Signal();
    }
}

/// <summary>How an ask was answered, for the words of the edited reminders.</summary>
public enum AnswerKind
{
    Reply,
    Checkmark,
    Button,
}
