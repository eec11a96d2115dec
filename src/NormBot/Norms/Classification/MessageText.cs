using System.Net;
using System.Text.RegularExpressions;

namespace NormBot.Norms.Classification;

/// <summary>
/// Reads Slack's message markup (<c>&lt;@U1&gt;</c>, <c>&lt;!subteam^S1&gt;</c>, <c>&lt;#C1|name&gt;</c>,
/// <c>&lt;https://…|label&gt;</c>, backticks) without a full mrkdwn parser: the rules only need to know
/// what a message points at and how many words of its own it has.
/// </summary>
public static partial class MessageText
{
    public static IReadOnlyList<string> UserMentions(string text) => Ids(UserMention(), text);

    public static IReadOnlyList<string> UserGroupMentions(string text) => Ids(GroupMention(), text);

    /// <summary><c>here</c>, <c>channel</c> or <c>everyone</c> for <c>&lt;!here&gt;</c> and friends.</summary>
    public static IReadOnlyList<string> SpecialMentions(string text) => Ids(SpecialMention(), text);

    public static IReadOnlyList<string> ChannelRefs(string text) => Ids(ChannelRef(), text);

    /// <summary>Slack wraps links in angle brackets; bare URLs are accepted too because not every client does.</summary>
    public static IReadOnlyList<string> Links(string text) =>
        [.. Ids(Link(), text), .. BareUrl().Matches(SlackTokenWhole().Replace(RemoveCode(text ?? string.Empty), " ")).Select(m => m.Value)];

    public static bool HasCode(string text) => (text ?? string.Empty).Contains('`', StringComparison.Ordinal);

    /// <summary>Tracker references: <c>ABC-123</c> (Jira, Linear) and <c>#1234</c> (GitHub).</summary>
    public static IReadOnlyList<string> TicketRefs(string text) =>
        [.. Ticket().Matches(Strip(RemoveCode(text ?? string.Empty))).Select(m => m.Value)];

    public static bool HasMention(string text) =>
        UserMentions(text).Count > 0 || UserGroupMentions(text).Count > 0 || SpecialMentions(text).Count > 0;

    /// <summary>Slack escapes &amp;, &lt; and &gt; in message text; everything else arrives literally.</summary>
    public static string Decode(string text) => WebUtility.HtmlDecode(text ?? string.Empty);

    /// <summary>
    /// The author's own words: code, links, mentions and emoji codes removed, entities decoded. A channel
    /// ref keeps its name, since "is #deploys the right place" reads it as a word.
    /// </summary>
    public static string PlainText(string text)
    {
        var plain = Strip(RemoveCode(text ?? string.Empty));
        plain = Emoji().Replace(plain, " ");
        return Spaces().Replace(Decode(plain), " ").Trim();
    }

    public static IReadOnlyList<string> Words(string text) =>
        [.. Word().Matches(PlainText(text)).Select(m => m.Value)];

    public static int WordCount(string text) => Words(text).Count;

    /// <summary>Text with code and Slack tokens (links, mentions, channel refs) blanked out, entities decoded.</summary>
    public static string WithoutMarkup(string text) =>
        Decode(SlackTokenWhole().Replace(RemoveCode(text ?? string.Empty), " "));

    private static string RemoveCode(string text) => InlineCode().Replace(CodeBlock().Replace(text, " "), " ");

    private static string Strip(string text) =>
        SlackToken().Replace(text, m => m.Value.StartsWith("<#", StringComparison.Ordinal) && m.Groups["label"].Success ? " " + m.Groups["label"].Value + " " : " ");

    private static List<string> Ids(Regex pattern, string text) =>
        [.. pattern.Matches(text ?? string.Empty).Select(m => m.Groups["id"].Value)];

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<!subteam\^(?<id>[A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex GroupMention();

    [GeneratedRegex(@"<!(?<id>here|channel|everyone)(?:\|[^>]*)?>")]
    private static partial Regex SpecialMention();

    [GeneratedRegex(@"<#(?<id>[CG][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex ChannelRef();

    [GeneratedRegex(@"<(?<id>(?:https?|mailto|ftp):[^|>]+)(?:\|[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w/.])(?:https?://|www\.)[^\s<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"<(?:[@#!]|https?:|mailto:|ftp:)[^<>]*?(?:\|(?<label>[^<>]*))?>", RegexOptions.IgnoreCase)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex SlackTokenWhole();

    [GeneratedRegex(@"```.*?(?:```|$)", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`]*`?")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_\-])(?:[A-Z][A-Z0-9]{1,9}-\d+|#\d{2,})(?![\p{L}\p{N}_])")]
    private static partial Regex Ticket();

    [GeneratedRegex(@":[a-z0-9_+\-]+:", RegexOptions.IgnoreCase)]
    private static partial Regex Emoji();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
