using System.Text;
using System.Text.RegularExpressions;

namespace NormBot.Slack.Quotes;

/// <summary>
/// Turns a person's Slack text into text the bot may repeat (PRODUCT §12): broadcasts and group pings
/// (<c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;!everyone&gt;</c>, <c>&lt;!subteam^…&gt;</c>) and user mentions
/// become plain names that notify nobody. A word joiner after each <c>@</c> keeps Slack from re-linking a typed
/// "@here" or a name when it formats the bot's mrkdwn.
/// </summary>
public static partial class SafeQuote
{
    /// <summary>Invisible, so "@⁠here" reads as "@here", but Slack no longer sees a mention in it.</summary>
    public const char Joiner = '\u2060';

    /// <param name="text">Text as Slack delivers it: &amp;, &lt; and &gt; escaped, markup in angle brackets.</param>
    /// <param name="nameOf">A person's shown name by user id, or null when unknown.</param>
    /// <param name="inline">True for a link label: one line, no nested markup (channel and URL links become their labels).</param>
    public static string Render(string text, Func<string, string?> nameOf, bool inline)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(nameOf);
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (Match token in Markup().Matches(text))
        {
            result.Append(Plain(text[at..token.Index]));
            result.Append(Token(token.Groups[1].Value, nameOf, inline));
            at = token.Index + token.Length;
        }

        result.Append(Plain(text[at..]));
        var rendered = result.ToString();
        return inline ? rendered.ReplaceLineEndings(" ").Replace('|', '¦').Trim() : rendered;
    }

    private static string Token(string inner, Func<string, string?> nameOf, bool inline)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 ? null : inner[(bar + 1)..];
        if (target.StartsWith('@'))
        {
            return Name(nameOf(target[1..]) ?? label?.TrimStart('@') ?? "someone");
        }

        if (target.StartsWith("!subteam^", StringComparison.Ordinal))
        {
            return Name(label?.TrimStart('@') ?? "group");
        }

        if (target is "!here" or "!channel" or "!everyone")
        {
            return Name(target[1..]);
        }

        if (target.StartsWith('!'))
        {
            return Plain(label ?? ""); // a date's fallback text, or a special sequence we do not know
        }

        if (!inline)
        {
            return $"<{inner}>"; // channel and URL links notify nobody
        }

        return target.StartsWith('#') ? "#" + Plain(label is { Length: > 0 } ? label : "channel") : Plain(label ?? target);
    }

    private static string Name(string name) => $"@{Joiner}{Escape(name)}";

    // Left-over angle brackets (an excerpt cut inside a mention) are escaped; typed @here and friends lose their ping.
    private static string Plain(string text) =>
        TypedBroadcast().Replace(text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), $"@{Joiner}$1");

    private static string Escape(string name) =>
        name.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex("<([^<>]*)>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"@(here|channel|everyone)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypedBroadcast();
}
