using System.Globalization;
using NormBot.Norms.Escalations;
using NormBot.Norms.Feedback;
using NormBot.Norms.Nudges;
using NormBot.Slack.Blocks;
using NormBot.Slack.Channels;
using NormBot.Slack.Quotes;

namespace NormBot.Protocols.Home;

/// <summary>
/// The Home tab (PRODUCT §8): what waits on you, your asks waiting on others, the workspace's protocol, and for
/// leaders the channels with their own overrides and the slowest channels this week. Each list is capped so the
/// whole view stays well inside Slack's 100 blocks.
/// </summary>
public sealed class HomeViewBuilder(
    HomeQueries queries, ProtocolService protocols, ProtocolStore settings, LeaderPolicy policy, EscalationStore escalations,
    NudgeFeedbackStore feedback, ChannelPrivacy privacy, SlackQuotes quotes, TimeProvider time)
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
        var waiting = await ReadableAsync(teamId, userId, await queries.WaitingOnUserAsync(teamId, userId, ListLimit + 1, ct), ct);
        blocks.AddRange(waiting.Count == 0
            ? [Note("Nothing is waiting on you. :tada:")]
            : await AskSectionsAsync(teamId, waiting, a => $"<@{a.AskerId}> asked {Ago(a.OpenedAt, now)}{Due(a.DueAt, now)}", ct, withButtons: true));
        AddMore(blocks, waiting.Count);

        blocks.Add(Title(YourAsksTitle));
        var mine = await ReadableAsync(teamId, userId, await queries.AskedByUserAsync(teamId, userId, ListLimit + 1, ct), ct);
        var trails = await escalations.ForAskerAsync(teamId, userId, ct);
        blocks.AddRange(mine.Count == 0
            ? [Note("None of your asks is waiting.")]
            : await AskSectionsAsync(teamId, mine, a => $"asked {Ago(a.OpenedAt, now)}, waiting on {WaitingOn(a)}{Due(a.DueAt, now)}{EscalationTrail.Describe(trails[(a.ChannelId, a.Ts)])}", ct));
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

    // Someone mentioned in a private channel they are not in does not get to read it here either (PRODUCT §12).
    private async Task<List<HomeAsk>> ReadableAsync(string teamId, string userId, IReadOnlyList<HomeAsk> asks, CancellationToken ct)
    {
        var readable = new List<HomeAsk>();
        foreach (var ask in asks)
        {
            if (await privacy.MayQuoteAsync(teamId, ask.ChannelId, QuoteAudience.Person(userId), ct))
            {
                readable.Add(ask);
            }
        }

        return readable;
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
    private async Task<List<Block>> AskSectionsAsync(string teamId, IEnumerable<HomeAsk> asks, Func<HomeAsk, string> detail, CancellationToken ct, bool withButtons = false)
    {
        var sections = new List<Block>();
        foreach (var ask in asks.Take(ListLimit))
        {
            var link = $"https://slack.com/app_redirect?channel={ask.ChannelId}&message_ts={ask.Ts}";
            var excerpt = (await quotes.OfAsync(teamId, ask.Excerpt, ct)).Label(200);
            sections.Add(new SectionBlock(TextObject.Markdown($"<{link}|{excerpt}>\n<#{ask.ChannelId}> · {detail(ask)}")));
            if (withButtons)
            {
                sections.Add(new ActionsBlock(NudgeMessages.AskButtons(ask.ChannelId, ask.Ts, link))); // the reminder DM's buttons, same handler
            }
        }

        return sections;
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
}
