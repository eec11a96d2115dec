namespace NormBot.Norms.Classification;

/// <summary>
/// PRODUCT §13: a message is an ask when one of its sentences asks for something (<see cref="Requests"/>), and it is
/// an ask of the people that sentence is said to (<see cref="MentionRoles"/>): "thanks @ana! @bob can you…" asks
/// Bob only. A request naming nobody goes to the person the message opened on ("@oncall p0: … can someone join?"),
/// or, if it says "you", to whoever was thanked ("Great work @ana! Could you write the retro?"); otherwise, at top
/// level, to anyone in the channel. In a thread only a named person makes an ask: the rest is conversation.
/// Greetings and pings are never asks: the ask is the message that follows them.
/// </summary>
public static class AskClassifier
{
    private static readonly HashSet<string> SecondPerson = ["you", "u", "your", "ya", "y'all", "yall"];

    public static AskVerdict Classify(string text, string authorId, string? botUserId, bool isTopLevel, bool hasFiles = false, int minWords = 6)
    {
        text ??= string.Empty;
        var gap = ContextClassifier.Classify(text, minWords, hasFiles).Gap;
        if (gap is ContextGap.BareGreeting or ContextGap.BarePing)
        {
            return AskVerdict.NotAnAsk("a greeting or a ping: the ask is the message that follows it");
        }

        bool Counts(Token t) => t.Kind == MentionKind.Broadcast || (t.Id != authorId && t.Id != botUserId);
        var sentences = Sentences.Of(text);
        var asked = new List<Token>();
        var unaddressed = new List<Sentence>();
        string? reading = null;
        foreach (var sentence in sentences)
        {
            if (Requests.Reading(sentence) is not { } why)
            {
                continue;
            }

            var addressees = Mentions(sentence).Where(m => m.Role == MentionRole.Addressee).Select(m => m.Token).ToList();
            if (addressees.Count > 0 && addressees.All(t => t.Id == botUserId))
            {
                continue; // a question for NormBot itself
            }

            reading ??= why;
            var counted = addressees.Where(Counts).ToList();
            asked.AddRange(counted);
            if (counted.Count == 0)
            {
                unaddressed.Add(sentence);
            }
        }

        if (reading is null)
        {
            return AskVerdict.NotAnAsk("no question or request in it (thanks, credit, information and copies are not asks)");
        }

        if (asked.Count == 0 && unaddressed.Count > 0)
        {
            asked.AddRange(Opening(sentences).Where(Counts));
            if (asked.Count == 0 && unaddressed.Any(s => s.Words.Any(SecondPerson.Contains)))
            {
                asked.AddRange(sentences.SelectMany(Mentions).Where(m => m.Role == MentionRole.Thanks).Select(m => m.Token).Where(Counts));
            }
        }

        var users = asked.Where(t => t.Kind == MentionKind.User).Select(t => t.Id!).Distinct().ToList();
        var groups = asked.Where(t => t.Kind == MentionKind.Group).Select(t => t.Id!).Distinct().ToList();
        if (users.Count > 0 || groups.Count > 0)
        {
            return new AskVerdict(true, users, groups, false, $"{reading}, said to {Describe(users, groups)}");
        }

        return isTopLevel || asked.Any(t => t.Kind == MentionKind.Broadcast)
            ? new AskVerdict(true, [], [], true, $"{reading}, to nobody in particular")
            : AskVerdict.NotAnAsk("a question in a thread naming nobody is part of the conversation");
    }

    private static IEnumerable<(Token Token, MentionRole Role)> Mentions(Sentence sentence) =>
        sentence.Tokens.Select((t, i) => (Token: t, Index: i)).Where(x => x.Token.IsMention).Select(x => (x.Token, MentionRoles.Of(sentence, x.Index)));

    // The mentions a message opens on ("@oncall p0: …"), or that are set off by a comma or colon ("Hi @bob, …").
    private static IEnumerable<Token> Opening(IReadOnlyList<Sentence> sentences)
    {
        var first = sentences.Count > 0 ? sentences[0].Tokens.TakeWhile(t => t.IsMention) : [];
        var set = sentences.SelectMany(s => Mentions(s).Where(m => m.Token.Addressed && m.Role == MentionRole.Addressee).Select(m => m.Token));
        return first.Concat(set);
    }

    private static string Describe(IReadOnlyList<string> users, IReadOnlyList<string> groups) =>
        string.Join(", ", users.Select(u => $"<@{u}>").Concat(groups.Select(g => $"<!subteam^{g}>")));
}
