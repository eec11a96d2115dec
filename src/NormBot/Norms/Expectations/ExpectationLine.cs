using Dapper;
using NormBot.Norms.People;
using NormBot.Norms.Rules;
using NormBot.Protocols;
using NormBot.Slack;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Outbox;
using NormBot.Slack.Users;
using NormBot.Storage;

namespace NormBot.Norms.Expectations;

/// <summary>
/// The one private line an asker gets at ask time when nobody they asked can answer soon (PRODUCT §14): who is away
/// or off, until when, and when to expect a reply, in the asker's own time. At most once a day per asker and assignee.
/// </summary>
public sealed class ExpectationLine(Db db, SlackOutbox outbox, AwayStore away, PersonalHoursStore hours, UserDirectory users, TimeProvider time)
{
    private const string Note = """
        INSERT INTO expectation_notes (team_id, asker_id, assignee_id, noted_at) VALUES (@TeamId, @AskerId, @AssigneeId, @At)
        ON CONFLICT (team_id, asker_id, assignee_id) DO UPDATE SET noted_at = excluded.noted_at
        WHERE expectation_notes.noted_at <= @Since
        """;

    public async Task TellAsync(SaidMessage said, Protocol protocol, IReadOnlyList<ReplyOutlook> outlooks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(said);
        ArgumentNullException.ThrowIfNull(protocol);
        if (!protocol.Expectations || protocol.Observe || !ReplyOutlook.WorthTelling(outlooks, said.At, protocol.ResponseTime))
        {
            return;
        }

        var now = time.GetUtcNow();
        var labels = new Dictionary<string, string?>();
        foreach (var outlook in outlooks.Where(o => o.State == ReplyOutlook.Away))
        {
            labels[outlook.UserId] = (await away.SpansAsync(said.TeamId, outlook.UserId, said.At, ct)).LastOrDefault(s => s.Covers(said.At))?.Note;
        }

        // The asker's zone as their clocks see it: their my-hours zone, else their Slack one.
        var askerZone = (await hours.GetAsync(said.TeamId, said.UserId, ct))?.TimeZone ?? await users.TimeZoneAsync(said.TeamId, said.UserId, ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var told = new List<ReplyOutlook>();
        foreach (var outlook in outlooks)
        {
            var args = new { said.TeamId, AskerId = said.UserId, AssigneeId = outlook.UserId, At = now.ToUnixTimeMilliseconds(), Since = (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds() };
            if (await connection.ExecuteAsync(Note, args, tx) > 0)
            {
                told.Add(outlook);
            }
        }

        if (told.Count == 0)
        {
            return;
        }

        var text = Line(told, labels, askerZone);
        var message = OutboxMessage.Ephemeral(new PostEphemeral(said.ChannelId, said.UserId, text, [new ContextBlock([TextObject.Markdown(text)])], said.ThreadTs));
        if (await outbox.AddAsync(connection, tx, said.TeamId, message))
        {
            await tx.CommitAsync(ct);
            outbox.Signal();
        }
    }

    /// <summary>"@bob is away (:palm_tree: Vacation) until Mon 09:00. Expect a reply by Mon 13:00. Times are in your time zone."</summary>
    public static string Line(IReadOnlyList<ReplyOutlook> outlooks, IReadOnlyDictionary<string, string?> labels, TimeZoneInfo? askerZone)
    {
        ArgumentNullException.ThrowIfNull(outlooks);
        ArgumentNullException.ThrowIfNull(labels);
        var who = outlooks.Select(o =>
        {
            var state = o.State switch
            {
                ReplyOutlook.Away => labels.GetValueOrDefault(o.UserId) is { Length: > 0 } label ? $"away ({label})" : "away",
                ReplyOutlook.Holiday => "on holiday",
                _ => "off work",
            };
            var until = WorkingTime.IsNever(o.BackAt) ? " with no return date set" : $" until {SlackDate.Format(o.BackAt, askerZone)}";
            return $"<@{o.UserId}> is {state}{until}";
        });
        var replyBy = outlooks.Min(o => o.ReplyBy);
        var expect = WorkingTime.IsNever(replyBy)
            ? "No reply can be expected for now; if it can't wait, ask someone else."
            : $"Expect a reply by {SlackDate.Format(replyBy, askerZone)}. Times are in your time zone.";
        return $":hourglass: Heads-up: {string.Join("; ", who)}. {expect}";
    }
}
