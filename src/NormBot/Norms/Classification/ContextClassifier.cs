using System.Text.RegularExpressions;

namespace NormBot.Norms.Classification;

/// <summary>
/// PRODUCT §5 rule 1: a top-level message that is only a greeting or ping, or a short question with nothing
/// to act on. Anything pointing at something concrete (a link, code, a file, a ticket) has context, and a
/// false nudge costs more trust than a missed one, so unknown shapes are left alone. The rule is for top-level
/// messages only: callers do not pass thread replies, which are answers ("hi", "why?") in a conversation.
/// </summary>
public static partial class ContextClassifier
{
    public static ContextVerdict Classify(string text, int minWords, bool hasFiles)
    {
        text ??= string.Empty;
        if (hasFiles || MessageText.Links(text).Count > 0 || MessageText.HasCode(text) || MessageText.TicketRefs(text).Count > 0)
        {
            return ContextVerdict.Complete;
        }

        // A wave is a greeting in any spelling.
        var waved = WaveEmoji().Replace(text, " hi ");
        var plain = MessageText.PlainText(waved);
        var words = MessageText.Words(waved);
        if (words.Count == 0)
        {
            return MessageText.HasMention(text)
                ? new ContextVerdict(ContextGap.BarePing, PingReason)
                : ContextVerdict.Complete;
        }

        switch (GreetingPhrases.Match(plain))
        {
            case GreetingPhrases.Kind.Ping:
                return new ContextVerdict(ContextGap.BarePing, PingReason);
            case GreetingPhrases.Kind.Greeting:
                return new ContextVerdict(ContextGap.BareGreeting, GreetingReason);
        }

        if (words.Count < minWords && IsQuestion(text))
        {
            return new ContextVerdict(
                ContextGap.ShortQuestion,
                $"It is a {words.Count}-word question with no link, code, file or ticket; say what it is about, what you need, and by when.");
        }

        return ContextVerdict.Complete;
    }

    /// <summary>Ends with a question mark, or opens the way English questions do ("how do I…", "can you…").</summary>
    public static bool IsQuestion(string text)
    {
        var plain = MessageText.PlainText(text ?? string.Empty).TrimEnd(' ', '\u200b', ')', '"', '\'', '”');
        if (plain.EndsWith('?') || plain.EndsWith('？'))
        {
            return true;
        }

        if (plain.EndsWith('!'))
        {
            return false;
        }

        var words = MessageText.Words(plain).Select(w => w.ToLowerInvariant().Replace('’', '\'')).ToList();
        if (words.Count < 2)
        {
            return false;
        }

        // "What a day" and "How nice" exclaim; "Will do" and "Can do" answer. A question puts a subject
        // after its auxiliary ("can you", "is the build").
        return words[0] switch
        {
            "who" or "what" or "when" or "where" or "why" or "which" => words[1] is not ("a" or "an"),
            "how" => words[1] is not ("nice" or "cool" or "great" or "fun" or "awesome" or "lovely" or "sad" or "funny"),
            "do" => Subjects.Contains(words[1]) && words[1] is not ("it" or "this" or "that"), // "do it" is an order
            "can" or "could" or "would" or "should" or "is" or "are" or "does" or "did" or "will" => Subjects.Contains(words[1]),
            _ => false,
        };
    }

    private const string GreetingReason =
        "It is only a greeting; people answer faster when the first message already says what you need.";

    private const string PingReason =
        "It only asks for attention; say what you need and by when, so people can answer in their own time.";

    private static readonly HashSet<string> Subjects =
    [
        "i", "you", "u", "we", "they", "he", "she", "it", "this", "that", "these", "those", "there", "the", "a", "an",
        "my", "your", "our", "their", "his", "her", "its", "someone", "somebody", "anyone", "anybody", "everyone",
        "everybody", "any", "some", "all", "ya", "y'all", "yall", "me", "us",
    ];

    [GeneratedRegex(@":wave(?:::skin-tone-\d)?:|👋|:hello:|:hi:", RegexOptions.IgnoreCase)]
    private static partial Regex WaveEmoji();
}
