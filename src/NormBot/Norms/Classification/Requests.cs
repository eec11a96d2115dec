namespace NormBot.Norms.Classification;

/// <summary>
/// Whether one sentence asks for something (PRODUCT §13): a question, a request phrase ("can you", "please",
/// "let me know", "need you to"), or an imperative said to someone by name ("@sam: schedule the load test").
/// Rhetorical questions ("what could possibly go wrong") and reminders to everyone ("please remember to…") are not.
/// </summary>
public static class Requests
{
    private static readonly string[] Phrases =
    [
        "can you", "could you", "would you", "will you", "can u", "could u", "would u", "can ya",
        "can someone", "could someone", "can somebody", "could somebody", "can anyone", "could anyone", "can anybody",
        "can one of you", "could one of you", "can i get", "could i get", "can we get", "could we get",
        "need you to", "needs you to", "i need you", "need your", "needs your",
        "would love", "would be great if", "it'd be great if", "would appreciate", "i'd appreciate", "it'd help", "would help",
        "would you mind", "do you mind", "lmk", "let me know", "let us know", "ptal",
        "take a look", "have a look", "look into", "when you get a chance", "whenever you get a chance", "when you get to it",
        "whenever you get to it", "when you have a sec", "when you have a moment", "when you have time", "when you can",
        "any chance", "wondering if you", "was wondering if",
        "need a reviewer", "need a review", "looking for someone", "any takers", "reviews welcome", "review welcome",
        "sign-off needed", "approval needed", "need sign-off", "need approval", "needs approval",
        "any idea", "any ideas", "anyone know", "anybody know", "does anyone", "has anyone", "is anyone", "anyone else",
        "anyone have", "anyone seen", "do you know", "who can", "who wants", "help me", "please help",
    ];

    // "please" asks one person to act, unless it reminds everyone of something ("please remember to log your hours").
    private static readonly HashSet<string> BroadcastVerbs =
    [
        "remember", "note", "join", "fill", "sign", "use", "keep", "don't", "do", "be", "log", "submit", "complete", "read",
        "welcome", "enjoy", "ignore", "bear", "feel", "vote", "register", "rsvp",
    ];

    // Verbs that, opening a sentence said to someone by name, make it an order ("@tom merge it when CI is green").
    private static readonly HashSet<string> Imperatives =
    [
        "review", "approve", "check", "look", "take", "send", "share", "update", "fix", "merge", "confirm", "sign", "deploy",
        "ship", "add", "remove", "rebase", "restart", "investigate", "schedule", "book", "file", "write", "draft", "test",
        "verify", "run", "handle", "pick", "grab", "own", "chase", "follow", "reply", "answer", "remind", "call", "email",
        "forward", "prepare", "create", "open", "close", "delete", "move", "rename", "post", "publish", "document", "clean",
        "dig", "double-check", "reach", "tell", "ask", "invite", "submit", "upload", "attach", "export", "set", "turn",
        "switch", "cancel", "revert", "roll", "mind", "help", "join", "bring",
    ];

    // Said for effect, not to get an answer.
    private static readonly string[] Rhetorical =
    [
        "what could possibly go wrong", "what could go wrong", "what's the worst that could happen", "why is it always",
        "who needs", "who even", "who knew", "guess who", "guess what", "am i right", "how cool is that", "how is it already",
        "can we all agree", "who else is excited", "isn't it great", "isn't it nice", "isn't that great", "did you all see",
    ];

    // Openings skipped before looking for an imperative or a question word: "hey", "ok so", "also".
    private static readonly HashSet<string> Openers = ["hey", "hi", "hello", "yo", "ok", "okay", "so", "also", "and", "btw", "oh", "hmm", "well", "sorry", "then", "now"];

    public static bool IsRequest(Sentence sentence) => Reading(sentence) is not null;

    /// <summary>What made the sentence a request ("a question", "\"can you\""), or null when it asks nothing.</summary>
    public static string? Reading(Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = sentence.Words;
        if (words.Count == 0 || (sentence.EndsWithQuestionMark && sentence.Exclaims) || IsRhetorical(words))
        {
            return null;
        }

        var start = ContentStart(words);
        if (start < words.Count && words[start] is "remember" && sentence.EndsWithQuestionMark)
        {
            return null; // "remember the login bug from last year?" recalls, it does not ask
        }

        if (sentence.EndsWithQuestionMark || Questions.OpensLikeQuestion(words.Skip(start).ToList()))
        {
            return "a question";
        }

        if (WordPhrases.FirstFound(words, Phrases) is { } phrase)
        {
            return $"\"{phrase}\"";
        }

        // Said to someone by name: "@tom please…" and "@sam: schedule the load test" are theirs to do.
        var named = sentence.Tokens.Any(t => t.Kind is MentionKind.User or MentionKind.Group && (t.Addressed || t == sentence.Tokens[0]));
        if (PleaseAsks(words, named) is { } please)
        {
            return please;
        }

        return named && start < words.Count && Imperatives.Contains(words[start]) ? $"\"{words[start]}\", said to someone" : null;
    }

    public static bool IsRhetorical(IReadOnlyList<string> words) => WordPhrases.ContainsAny(words, Rhetorical);

    /// <summary>The first word after greetings and fillers ("ok so", "hey").</summary>
    public static int ContentStart(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var i = 0;
        while (i < words.Count && Openers.Contains(words[i]))
        {
            i++;
        }

        return i;
    }

    private static string? PleaseAsks(IReadOnlyList<string> words, bool named)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "please" or "pls" or "plz")
            {
                var next = i + 1 < words.Count ? words[i + 1] : "";
                var everyone = BroadcastVerbs.Contains(next) || words.Contains("yours") || words.Contains("everyone");
                return named || !everyone ? $"\"{words[i]}\"" : null;
            }
        }

        return null;
    }
}
