using NormBot.Slack.Blocks;

namespace NormBot.Protocols.Card;

/// <summary>
/// A channel's norms in plain words (PRODUCT §16): what a newcomer gets on joining, and the top of <c>/norms show</c>,
/// built from the effective protocol so the card can never say something the rules do not do.
/// </summary>
public static class NormsCard
{
    public static (string Text, IReadOnlyList<Block> Blocks) Build(Protocol protocol, string channelId, string whoToAsk)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var title = $"How we work in <#{channelId}>";
        var lines = new List<string>
        {
            $":stopwatch: *Replies:* asks here get a first reply within *{protocol.ResponseTime}* of working time ({Hours(protocol)}). " +
            "A message that mentions someone or asks a question counts as an ask; a ✅ or a thread reply answers it.",
            ":rotating_light: *Urgent:* " + (protocol.UrgentChannel?.Id is { } urgent && urgent != channelId
                ? $"urgent topics go to <#{urgent}> (words like {string.Join(", ", protocol.UrgentKeywords.Take(4))})."
                : "say so in the first line, with what is broken and since when."),
            ":memo: *A complete first message* says what you need, from whom, by when, with the link or ticket. " +
            $"\"hi, got a minute?\" on its own makes people wait; so does a question under {protocol.MinWords} words with no link.",
            ":zzz: *Snooze:* `/norms snooze 1d` pauses the bot's tips for you; `/norms snooze off` resumes.",
            $":raising_hand: *Questions about these norms:* ask {whoToAsk}.",
        };
        if (protocol.Observe)
        {
            lines.Add(":eyes: The bot is only observing here for now: it counts what it would have said and sends no tips.");
        }

        var text = $"*{title}*\n" + string.Join('\n', lines);
        IReadOnlyList<Block> blocks =
        [
            new SectionBlock(TextObject.Markdown(BlockLimits.Truncate(text, BlockLimits.SectionText))),
            new ContextBlock([TextObject.Markdown("`/norms show` shows this card and every setting at any time.")]),
        ];
        return (text, blocks);
    }

    private static string Hours(Protocol protocol)
    {
        var hours = protocol.HoursFromSlack ? "each person's Slack notification hours" : protocol.Hours.ToString();
        return $"{hours}, {protocol.Days}, {protocol.TimeZone.Id}; time outside them does not count";
    }
}
