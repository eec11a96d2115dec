using NormBot.Slack.Blocks;

namespace NormBot.Slack.Quotes;

/// <summary>A person's words made safe to repeat by <see cref="SlackQuotes"/>; message builders take this, never raw text.</summary>
public sealed record Quote(string Text, string Inline)
{
    /// <summary>Renders <paramref name="text"/> (as Slack delivers it) both ways; <paramref name="nameOf"/> gives a mentioned person's name.</summary>
    public static Quote Of(string text, Func<string, string?> nameOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(SafeQuote.Render(text.Trim(), nameOf, inline: false), SafeQuote.Render(text, nameOf, inline: true));
    }

    /// <summary>Block quote lines for a mrkdwn section, cut to <paramref name="maxChars"/>.</summary>
    public string Block(int maxChars = 600) => string.Join('\n', BlockLimits.Truncate(Text, maxChars).Split('\n').Select(l => "> " + l));

    /// <summary>One line for a link label or a list, cut to <paramref name="maxChars"/>.</summary>
    public string Label(int maxChars) => BlockLimits.Truncate(Inline, maxChars);
}
