using System.Globalization;
using NormBot.Norms.Escalations;
using NormBot.Norms.Feedback;
using NormBot.Norms.Nudges;
using NormBot.Slack.Blocks;

namespace NormBot.Protocols.Home;

/// <summary>
/// The Home tab (PRODUCT §8): what waits on you, your asks waiting on others, the workspace's protocol, and for
/// leaders the channels with their own overrides and the slowest channels this week. Each list is capped so the
/// whole view stays well inside Slack's 100 blocks.
/// </summary>
public sealed class HomeViewBuilder(
    HomeQueries queries, ProtocolService protocols, ProtocolStore settings, LeaderPolicy policy, EscalationStore escalations,
    NudgeFeedbackStore feedback, TimeProvider time)
{
    public const int ListLimit = 10;
    public const string WaitsOnYouTitle = "What waits on you";
    public const string YourAsksTitle = "Your asks waiting on others";
    public const string ProtocolTitle = "This workspace's norms";
    public const string ChannelsTitle = "Channels with their own norms";
    public const string SlowestTitle = "Slowest channels this week";

    public async Task<View> BuildAsync(string teamId, string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var blocks = new List<Block> { new HeaderBlock(TextObject.Plain("NormBot")) };

        blocks.Add(Title(WaitsOnYouTitle));
        var waiting = await queries.WaitingOnUserAsync(teamId, userId, ListLimit + 1, ct);
        blocks.AddRange(waiting.Count == 0
            ? [Note("Nothing is waiting on you. :tada:")]
            : waiting.Take(ListLimit).SelectMany(a => new Block[]
            {
                AskSection(a, $"<@{a.AskerId}> asked {Ago(a.OpenedAt, now)}{Due(a.DueAt, now)}"),
                new ActionsBlock(NudgeMessages.AskButtons(a.ChannelId, a.Ts, Link(a))), // the reminder DM's buttons, same handler
            }));
        AddMore(blocks, waiting.Count);

        blocks.Add(Title(YourAsksTitle));
        var mine = await queries.AskedByUserAsync(teamId, userId, ListLimit + 1, ct);
        var trails = await escalations.ForAskerAsync(teamId, userId, ct);
        blocks.AddRange(mine.Count == 0
            ? [Note("None of your asks is waiting.")]
            : mine.Take(ListLimit).Select(a => AskSection(a, $"asked {Ago(a.OpenedAt, now)}, waiting on {WaitingOn(a)}{Due(a.DueAt, now)}{EscalationTrail.Describe(trails[(a.ChannelId, a.Ts)])}")));
        AddMore(blocks, mine.Count);

        blocks.Add(Title(ProtocolTitle));
        var protocol = await protocols.GetAsync(teamId, null, ct);
        blocks.Add(new SectionBlock(TextObject.Markdown(BlockLimits.Truncate(
            string.Join('\n', ProtocolKeys.All.Select(k => $"`{k}` {Value(protocol.Values[k])}")), BlockLimits.SectionText))));
        blocks.Add(Note("`/norms show #channel` shows a channel's norms; `/norms help` lists every command."));

        if (await policy.IsLeaderAsync(teamId, userId, ct))
        {
            await AddLeaderViewAsync(blocks, teamId, now, ct);
        }

        return View.Home(blocks.Count > BlockLimits.BlocksPerView ? blocks[..BlockLimits.BlocksPerView] : blocks);
    }

    private async Task AddLeaderViewAsync(List<Block> blocks, string teamId, DateTimeOffset now, CancellationToken ct)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(Title(ChannelsTitle));
        var channels = await settings.ChannelsWithOverridesAsync(teamId, ct);
        if (channels.Count == 0)
        {
            blocks.Add(Note("Every channel follows the workspace norms."));
        }

        foreach (var channel in channels.Take(ListLimit))
        {
            var overrides = await settings.ValuesAsync(teamId, channel, ct);
            var observing = (await protocols.GetAsync(teamId, channel, ct)).Observe;
            var since = observing ? await settings.SetSinceAsync(teamId, channel, ProtocolKeys.Mode, ct) : null;
            var mode = observing ? $"*observing*{(since is { } at ? $" for {Span(now - at)}" : "")}" : "nudging";
            var text = $"<#{channel}> ({mode}): " + string.Join(", ", overrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {Value(o.Value)}"));
            blocks.Add(new SectionBlock(TextObject.Markdown(BlockLimits.Truncate(text, BlockLimits.SectionText))));
            blocks.Add(LeaderHomeActions.Buttons(channel, observing, since is { } start && now - start >= LeaderHomeActions.TrialWeek));
        }

        AddMore(blocks, channels.Count);

        blocks.Add(Title(SlowestTitle));
        var slowest = await queries.SlowestChannelsAsync(teamId, now.AddDays(-7), now, 5, ct);
        blocks.Add(slowest.Count == 0
            ? Note("No asks recorded this week.")
            : new SectionBlock(TextObject.Markdown(string.Join('\n', slowest.Select(s =>
                $"<#{s.ChannelId}>: {Span(TimeSpan.FromMilliseconds(s.AverageMs))} on average to a first reply over {s.Asks} ask{(s.Asks == 1 ? "" : "s")}{(s.Unanswered > 0 ? $", {s.Unanswered} still unanswered" : "")}")))));
        blocks.Add(Note("Clock time since each ask was posted (unanswered asks count until now), not working time."));

        // Each rule's nudges and "not helpful" rate per channel this week, so a noisy rule is visible (PRODUCT §13).
        blocks.AddRange(NudgeFeedbackBlocks.Render(await feedback.RatesAsync(teamId, [], now.AddDays(-7), now, ct)));
    }

    private static SectionBlock Title(string text) => new(TextObject.Markdown($"*{text}*"));

    private static ContextBlock Note(string text) => new([TextObject.Markdown(text)]);

    private static void AddMore(List<Block> blocks, int count)
    {
        if (count > ListLimit)
        {
            blocks.Add(Note($"Showing the oldest {ListLimit}; there are more."));
        }
    }

    // Linking through app_redirect avoids a chat.getPermalink call per ask.
    private static string Link(HomeAsk ask) => $"https://slack.com/app_redirect?channel={ask.ChannelId}&message_ts={ask.Ts}";

    private static SectionBlock AskSection(HomeAsk ask, string detail)
    {
        var link = Link(ask);
        var excerpt = BlockLimits.Truncate(ask.Excerpt.Replace('\n', ' '), 200);
        return new SectionBlock(TextObject.Markdown($"<{link}|{Escape(excerpt)}>\n<#{ask.ChannelId}> · {detail}"));
    }

    private static string WaitingOn(HomeAsk ask) =>
        ask.WaitingOn.Count == 0 ? "nobody in particular"
        : string.Join(", ", ask.WaitingOn.Select(u => u == "*" ? "anyone in the channel" : $"<@{u}>"));

    private static string Due(long? dueAt, DateTimeOffset now)
    {
        if (dueAt is not { } due)
        {
            return string.Empty;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(due);
        if (Norms.WorkingTime.IsNever(at))
        {
            return " · paused while they're away";
        }

        return at <= now ? $" · *overdue by {Span(now - at)}*" : $" · due in {Span(at - now)}";
    }

    private static string Ago(long openedAt, DateTimeOffset now) => Span(now - DateTimeOffset.FromUnixTimeMilliseconds(openedAt)) + " ago";

    // Rounded to the minute: "due in 2h" reads better than "due in 1h59m" a few seconds later.
    private static string Span(TimeSpan exact) => TimeSpan.FromMinutes(Math.Round(exact.TotalMinutes)) switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } span => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m"),
        { TotalDays: < 2 } span => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{(span.Minutes > 0 ? $"{span.Minutes}m" : "")}"),
        var span => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d"),
    };

    private static string Value(string value) => value.Length == 0 ? "none" : value;

    // A link label cannot contain the characters Slack uses for markup.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("|", "¦", StringComparison.Ordinal);
}
