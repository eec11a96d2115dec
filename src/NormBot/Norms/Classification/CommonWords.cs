namespace NormBot.Norms.Classification;

/// <summary>
/// Words that name nothing in particular: pronouns, helpers, and the generic words of work chat ("update", "status",
/// "doc", "PR"). A short question made only of these ("any update?", "can you review my PR?") says too little to
/// act on; one that names something ("who owns billing?", "is prod on 2.4?") does not need a tip.
/// </summary>
public static class CommonWords
{
    private static readonly HashSet<string> Words =
    [
        // pronouns, determiners, helpers, question words, small words
        "i", "me", "my", "mine", "you", "u", "ya", "your", "yours", "we", "us", "our", "they", "them", "their", "he", "him",
        "his", "she", "her", "it", "its", "it's", "this", "that", "that's", "these", "those", "there", "there's", "here",
        "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "something", "anything", "everything", "nothing",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "can",
        "could", "will", "would", "should", "shall", "may", "might", "must", "what", "what's", "whats", "who", "who's",
        "when", "where", "where's", "why", "how", "how's", "which", "whose", "the", "a", "an", "any", "some", "all", "on",
        "in", "at", "to", "for", "of", "with", "about", "from", "by", "up", "out", "over", "into", "yet", "still", "already",
        "now", "again", "so", "and", "or", "but", "just", "also", "too", "please", "pls", "ok", "okay", "then", "ever",
        "even", "not", "no", "yes", "we're", "you're", "i'm", "don't", "didn't", "isn't", "aren't", "can't", "won't",
        // generic work words
        "update", "updates", "status", "news", "progress", "eta", "thoughts", "thought", "idea", "ideas", "question",
        "q", "help", "problem", "issue", "thing", "things", "stuff", "message", "msg", "dm", "doc", "docs", "document",
        "file", "link", "pr", "mr", "ticket", "review", "check", "look", "see", "seen", "saw", "know", "think", "work",
        "working", "worked", "fixed", "fix", "ready", "finished", "going", "happening", "happen", "get", "got", "go",
        "sure", "right", "wrong", "good", "fine", "time", "chance", "minute", "sec", "moment", "approve", "approved",
        "merged", "merge", "send", "sent", "answer", "reply", "able", "free", "busy", "around", "back", "later", "one",
        "change", "changes", "request", "requests", "feedback", "opinion", "take", "makes", "sense",
    ];

    /// <summary>True when some word names something: a word outside the list above, or a number ("3pm", "2.4").</summary>
    public static bool NamesSomething(IEnumerable<string> words) =>
        words.Any(w => w.Any(char.IsDigit) || !Words.Contains(w.ToLowerInvariant().Replace('’', '\'')));
}
