namespace NormBot.Norms.Classification;

/// <summary>
/// The urgent keywords (PRODUCT §4) that a message uses to say something is urgent now. A keyword does not count
/// when it is negated ("not urgent", "nothing is down"), when "down" is an idiom ("down to 5%", "write it down",
/// "I'm down for lunch"), when the sentence looks back ("yesterday's outage", "incident review", "postmortem"), when a
/// priority names a kind of ticket ("our P1 bugs", "the P1 label"), or when "emergency" qualifies an ordinary thing
/// ("emergency contact list"). "asap" is a deadline: on its own it makes nothing urgent.
/// </summary>
public static class UrgentMatcher
{
    private static readonly HashSet<string> Negations = ["not", "non", "no", "nothing", "isn't", "wasn't", "never", "without", "aren't", "nobody"];

    private static readonly HashSet<string> DownIdioms =
    [
        "write", "wrote", "written", "writing", "narrow", "narrowed", "narrowing", "bring", "bringing", "brought", "slow",
        "slowing", "slowed", "wind", "winding", "cut", "cutting", "break", "breaking", "thumbs", "scroll", "calm", "sit",
        "step", "stepping", "upside", "count", "counting", "turn", "turned", "let", "tone", "boil", "drill", "settle", "put",
        "jot", "track", "tracked", "hunt", "hunted", "pin", "pinned", "nail", "nailed", "water", "watered", "quiet",
    ];

    private static readonly HashSet<string> AfterDown = ["to", "payment", "payments", "side", "arrow", "vote", "votes"];

    private static readonly string[] LookingBack =
    [
        "postmortem", "post-mortem", "retro", "retrospective", "review", "report", "writeup", "write-up", "timeline",
        "training", "template", "drill", "yesterday", "yesterday's", "earlier", "last week", "last week's", "last month",
        "last monday", "last tuesday", "last wednesday", "last thursday", "last friday", "last time",
    ];

    private static readonly HashSet<string> TicketKinds = ["bug", "bugs", "label", "labels", "badge", "priority", "ticket", "tickets", "issue", "issues", "item", "items", "backlog"];

    private static readonly HashSet<string> OrdinaryAfterEmergency = ["contact", "contacts", "number", "numbers", "exit", "fund", "kit"];

    private static readonly HashSet<string> Deadlines = ["asap"];

    public static IReadOnlyList<string> FindMatches(string text, IEnumerable<string> keywords)
    {
        var matched = KeywordMatcher.FindMatches(text, keywords);
        if (matched.Count == 0)
        {
            return matched;
        }

        var sentences = Sentences.Of(text);
        var meant = matched.Where(k => IsEmoji(k) || sentences.Any(s => SaysUrgent(s.Words, k.ToLowerInvariant()))).ToList();
        return meant.All(k => Deadlines.Contains(k.ToLowerInvariant())) ? [] : meant;
    }

    private static bool IsEmoji(string keyword) => keyword.StartsWith(':') && keyword.EndsWith(':');

    private static bool SaysUrgent(IReadOnlyList<string> words, string keyword)
    {
        for (var at = WordPhrases.IndexOf(words, keyword); at >= 0; at = WordPhrases.IndexOf(words, keyword, at + 1))
        {
            if (!Discounted(words, at, keyword))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Discounted(IReadOnlyList<string> words, int at, string keyword)
    {
        var before = words.Skip(Math.Max(0, at - 3)).Take(Math.Min(3, at)).ToList();
        var previous = at > 0 ? words[at - 1] : "";
        var end = at + keyword.Split(' ').Length;
        var next = end < words.Count ? words[end] : "";
        var then = end + 1 < words.Count ? words[end + 1] : "";
        return before.Any(Negations.Contains)
            || WordPhrases.ContainsAny(words, LookingBack)
            || next == "channel"
            || keyword switch
            {
                // "bring the estimate down", "write it down": the verb may stand a word or two before.
                "down" => before.Any(DownIdioms.Contains) || AfterDown.Contains(next) || previous is "i'm" or "im" or "am"
                          || (next == "the" && then is "road" or "line" or "hall" or "street"),
                "emergency" => OrdinaryAfterEmergency.Contains(next),
                _ when keyword.StartsWith('p') || keyword.StartsWith("sev", StringComparison.Ordinal) => TicketKinds.Contains(next),
                _ => false,
            };
    }
}
