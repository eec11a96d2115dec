using System.Globalization;
using NormBot.Norms.Feedback;
using NormBot.Norms.Preview;
using NormBot.Slack;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;

namespace NormBot.Protocols.Commands;

/// <summary>
/// <c>preview set &lt;key&gt; &lt;value&gt; [#channel]</c> (PRODUCT §16): the last 7 days replayed under the values in effect
/// and under the proposed one, side by side. Nothing is stored or sent; a slow replay answers on response_url.
/// </summary>
public sealed class PreviewCommands(ProtocolService protocols, PreviewStore store, PreviewReplay replay, TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    /// <summary>The keys that change what a rule decides; the others (targets, statuses, the card) leave the counts as they are.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        ProtocolKeys.ResponseTime, ProtocolKeys.Hours, ProtocolKeys.Days, ProtocolKeys.TimeZone, ProtocolKeys.EscalateAfter, ProtocolKeys.MinWords,
        ProtocolKeys.ContextGrace, ProtocolKeys.NudgeLimit, ProtocolKeys.UrgentKeywords, ProtocolKeys.Context, ProtocolKeys.Tracking, ProtocolKeys.Mode,
    ];

    public async Task<NormsReply> PreviewAsync(PreviewCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        var (key, value) = (command.Change.Key, command.Change.Value);
        if (!Keys.Contains(key))
        {
            return new NormsReply($"{key} does not change what the rules count, so there is nothing to preview. Preview works for {string.Join(", ", Keys)}.");
        }

        string? channelId = null;
        if (command.Change.Channel is { } channel && !SlackRefResolver.TryChannel(channel, invocation, out channelId, out var error))
        {
            return new NormsReply($"{char.ToUpperInvariant(error[0])}{error[1..]}. Nothing changed.\n{NormsUsage.For("preview")}");
        }

        return await PreviewAsync(invocation.TeamId, key, value, channelId, ct);
    }

    /// <summary>The preview of <paramref name="value"/> (canonical) for a channel, or for the workspace when <paramref name="channelId"/> is null.</summary>
    public async Task<NormsReply> PreviewAsync(string teamId, string key, string value, string? channelId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var data = await store.LoadAsync(teamId, now - Period, now, channelId, ct);
        var before = await replay.ReplayAsync(teamId, data, c => protocols.GetAsync(teamId, c, ct), channelId, now, ct);
        var after = await replay.ReplayAsync(teamId, data, c => protocols.WouldBeAsync(teamId, c, channelId, key, value, ct), channelId, now, ct);
        var current = (await protocols.GetAsync(teamId, channelId, ct)).Values[key];
        var text = Render(key, SettingCommands.Show(current), SettingCommands.Show(value), channelId, before, after);
        return new NormsReply(text, [new SectionBlock(TextObject.Markdown(BlockLimits.Truncate(text, BlockLimits.SectionText)))]);
    }

    public static string Render(string key, string current, string proposed, string? channelId, PreviewFigures before, PreviewFigures after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var where = channelId is null ? "every channel without its own value" : $"<#{channelId}>";
        var rules = before.NudgesByRule.Keys.Union(after.NudgesByRule.Keys).Order(StringComparer.Ordinal)
            .Select(r => $"{NudgeFeedbackBlocks.RuleName(r)} {Change(before.NudgesByRule.GetValueOrDefault(r), after.NudgesByRule.GetValueOrDefault(r))}")
            .ToList();
        var lines = new List<string>
        {
            $"*Preview: `{key}` {current} → {proposed} in {where}*, the last 7 days replayed. Nothing was changed.",
            $"• Asks tracked: {Change(before.Asks, after.Asks)}",
            $"• Past due: {Change(before.PastDue, after.PastDue)}",
            $"• Escalated: {Change(before.Escalated, after.Escalated)}",
            "• Nudges: " + (rules.Count == 0 ? "none either way" : string.Join(", ", rules)),
        };
        if (before.WouldHaveNudged + after.WouldHaveNudged > 0)
        {
            lines.Add($"• Would have nudged (observe mode, nothing sent): {Change(before.WouldHaveNudged, after.WouldHaveNudged)}");
        }

        lines.Add($"_Left: replayed with {key} {current}; right: with {proposed}. Misrouted-topic nudges count as recorded: NormBot keeps no message text to test other keywords on. Snoozes are not replayed._");
        lines.Add($"To apply it: `/norms set {key} {proposed}{(channelId is null ? "" : $" <#{channelId}>")}`");
        return string.Join('\n', lines);
    }

    private static string Change(int before, int after) =>
        before == after ? string.Create(CultureInfo.InvariantCulture, $"{before} (same)") : string.Create(CultureInfo.InvariantCulture, $"{before} → {after}");
}
