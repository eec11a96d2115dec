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
    public static ContextVerdict Classify(string text, int minWords, bool hasFiles, string? botUserId = null)
    {
        text ??= string.Empty;

        // Someone talking to NormBot itself ("@NormBot help") is not a message for the team.
        if (botUserId is not null && MessageText.UserMentions(text).Contains(botUserId))
        {
            return ContextVerdict.Complete;
        }

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

        // A short question that names something ("who owns billing?") can be answered as it is.
        if (words.Count < minWords && IsQuestion(text) && !CommonWords.NamesSomething(words))
        {
            return new ContextVerdict(
                ContextGap.ShortQuestion,
                $"It is a {words.Count}-word question that doesn't say what it is about (no link, code, file, ticket or name); say what it is about, what you need, and by when.");
        }

        return ContextVerdict.Complete;
    }

    /// <summary>
    /// Ends with a question mark, or opens the way English questions do ("how do I…", "can you…"); rhetorical
    /// questions ("what could possibly go wrong") and exclamations ("how cool is that?!") are not questions.
    /// </summary>
    public static bool IsQuestion(string text)
    {
        var plain = MessageText.PlainText(text ?? string.Empty).TrimEnd(' ', '\u200b', ')', '"', '\'', '”');
        var words = MessageText.Words(plain).Select(w => w.ToLowerInvariant().Replace('’', '\'')).ToList();
        if (Requests.IsRhetorical(words) || plain.EndsWith("?!", StringComparison.Ordinal) || plain.EndsWith('!'))
        {
            return false;
        }

        return plain.EndsWith('?') || plain.EndsWith('？') || Questions.OpensLikeQuestion(words);
    }

    private const string GreetingReason =
        "It is only a greeting; people answer faster when the first message already says what you need.";

    private const string PingReason =
        "It only asks for attention; say what you need and by when, so people can answer in their own time.";

    [GeneratedRegex(@":wave(?:::skin-tone-\d)?:|👋|:hello:|:hi:", RegexOptions.IgnoreCase)]
    private static partial Regex WaveEmoji();
}
