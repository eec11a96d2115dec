using NormBot.Digests;
using NormBot.Protocols.Card;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;

namespace NormBot.Protocols.Commands;

/// <summary>
/// <c>show [#channel]</c>: a channel's norms card (the one newcomers get), then the effective protocol as a two-column
/// table, channel overrides marked.
/// </summary>
public sealed class ShowCommands(ProtocolService protocols, DigestCommands digests, LeaderPolicy leaders)
{
    public const string OverrideMarker = "(channel)";

    public async Task<NormsReply> ShowAsync(ShowCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        // In a DM there is no channel, so show the workspace defaults.
        if (!SlackRefResolver.TryChannelOrHere(command.Channel, invocation, out var channelId, out var error))
        {
            return new NormsReply($"{char.ToUpperInvariant(error[0])}{error[1..]}.\n{NormsUsage.For("show")}");
        }

        var protocol = await protocols.GetAsync(invocation.TeamId, channelId, ct);
        var schedules = await digests.ScheduleLinesAsync(invocation.TeamId, ct);
        (string, IReadOnlyList<Block>)? card = channelId is null ? null : NormsCard.Build(protocol, channelId, await leaders.WhoCanAsync(invocation.TeamId, ct));
        return Build(protocol, channelId, schedules, card);
    }

    public static NormsReply Build(Protocol protocol, string? channelId, IReadOnlyList<string> schedules, (string Text, IReadOnlyList<Block> Blocks)? card = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(schedules);
        var title = channelId is null ? "Workspace norms (defaults for every channel)" : $"Norms in effect in <#{channelId}>";
        var rows = ProtocolKeys.All.Select(key => (Key: key, Value: ValueOf(protocol, key))).ToList();
        var text = new List<string>();
        var blocks = new List<Block>();
        if (card is { } plain)
        {
            text.Add(plain.Text);
            blocks.AddRange(plain.Blocks);
            blocks.Add(new DividerBlock());
        }

        text.Add($"*{title}*");
        text.AddRange(rows.Select(r => $"{r.Key}: {r.Value}"));
        blocks.Add(new SectionBlock(TextObject.Markdown($"*{title}*")));
        foreach (var chunk in rows.Chunk(BlockLimits.SectionFields / 2))
        {
            blocks.Add(new SectionBlock(Fields: [.. chunk.SelectMany(r => new[] { TextObject.Markdown($"`{r.Key}`"), TextObject.Markdown(BlockLimits.Truncate(r.Value, BlockLimits.SectionFieldText)) })]));
        }

        if (protocol.OverriddenKeys.Count > 0)
        {
            blocks.Add(new ContextBlock([TextObject.Markdown($"{OverrideMarker} = this channel's own value; the rest are workspace defaults.")]));
        }

        var routes = protocol.Routes.Count == 0
            ? ["No topic routes."]
            : protocol.Routes.Select(r => $"• {r.Topic} → {r.Channel}: {string.Join(", ", r.Keywords)}").ToList();
        text.Add("*Routes*");
        text.AddRange(routes);
        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock(TextObject.Markdown(BlockLimits.Truncate("*Routes*\n" + string.Join('\n', routes), BlockLimits.SectionText))));

        var digestLines = schedules.Count == 0 ? ["No digests scheduled."] : schedules.Select(l => "• " + l).ToList();
        text.Add("*Digests*");
        text.AddRange(digestLines);
        blocks.Add(new SectionBlock(TextObject.Markdown(BlockLimits.Truncate("*Digests*\n" + string.Join('\n', digestLines), BlockLimits.SectionText))));

        if (protocol.Problems.Count > 0)
        {
            var problems = "Stored values that no longer parse, using the default instead: " + string.Join("; ", protocol.Problems);
            text.Add(problems);
            blocks.Add(new ContextBlock([TextObject.Markdown(BlockLimits.Truncate(problems, BlockLimits.SectionText))]));
        }

        return new NormsReply(string.Join('\n', text), blocks);
    }

    private static string ValueOf(Protocol protocol, string key)
    {
        var value = SettingCommands.Show(protocol.Values[key]);
        if (key == ProtocolKeys.EscalateTo && value == "none")
        {
            value = "none (the channel's leaders, in the thread)";
        }

        return protocol.OverriddenKeys.Contains(key) ? $"{value} {OverrideMarker}" : value;
    }
}
