namespace NormBot.Norms.Classification;

/// <summary>What a mention does in its sentence: is the person asked, thanked, copied, or only talked about?</summary>
public enum MentionRole
{
    Addressee,
    Thanks,
    Copy,
    Reference,
}

/// <summary>
/// Reads a mention's role from the few words around it: "thanks/kudos/congrats @ana" thank, "cc/fyi/+ @bob" copy,
/// "as/per/like/with @bob", "@bob's" and "@bob said" refer. Anything else is said to the person. A copied mention
/// followed by a comma or colon is addressed after all ("FYI @bob, can you check…"); mentions in a row or joined by
/// "and" share a role ("thanks to @leo and @kai").
/// </summary>
public static class MentionRoles
{
    private const int Window = 5;

    private static readonly HashSet<string> ThanksWords =
    [
        "thanks", "thank", "thx", "ty", "tysm", "kudos", "shoutout", "shout-out", "props", "credit", "congrats",
        "congratulations", "welcome", "cheers", "bravo", "birthday",
    ];

    private static readonly string[] ThanksPhrases = ["great work", "nice work", "good job", "great job", "well done", "nice catch", "nice find", "h t", "hats off"];

    private static readonly HashSet<string> CopyWords = ["cc", "fyi", "+", "looping", "loop", "adding", "add", "via"];

    private static readonly HashSet<string> ReferenceWords = ["as", "per", "like", "with", "by", "about", "to", "of", "from"];

    private static readonly HashSet<string> AskedFrom = ["comments", "feedback", "input", "review", "reviews", "help", "eyes", "thoughts", "approval", "sign-off", "answer"];

    private static readonly HashSet<string> ReportedSpeech = ["said", "says", "suggested", "mentioned", "wrote", "asked", "explained"];

    public static MentionRole Of(Sentence sentence, int index)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = sentence.Tokens;
        var mention = tokens[index];
        if (index > 0 && tokens[index - 1].IsMention)
        {
            return Of(sentence, index - 1);
        }

        if (index > 1 && tokens[index - 1].Text is "and" or "&" && tokens[index - 2].IsMention)
        {
            return Of(sentence, index - 2);
        }

        var role = Before(tokens, index) ?? After(tokens, index) ?? MentionRole.Addressee;
        return role == MentionRole.Copy && mention.Addressed ? MentionRole.Addressee : role;
    }

    private static MentionRole? Before(IReadOnlyList<Token> tokens, int index)
    {
        var words = new List<string>();
        for (var i = index - 1; i >= 0 && words.Count < Window && !tokens[i].IsMention && tokens[i].Text != Sentences.Comma; i--)
        {
            words.Insert(0, tokens[i].Text);
        }

        if (words.Count == 0)
        {
            return null;
        }

        var last = words[^1];
        if (words.Any(ThanksWords.Contains) || WordPhrases.ContainsAny(words, ThanksPhrases))
        {
            return MentionRole.Thanks;
        }

        if (CopyWords.Contains(last) || WordPhrases.StartsWith(words, words.Count - 2, "heads up"))
        {
            return MentionRole.Copy;
        }

        if (last == "from" && words.Count > 1 && AskedFrom.Contains(words[^2]))
        {
            return null; // "comments from @backend by Friday" asks them
        }

        return ReferenceWords.Contains(last) ? MentionRole.Reference : null;
    }

    private static MentionRole? After(IReadOnlyList<Token> tokens, int index)
    {
        var next = index + 1 < tokens.Count ? tokens[index + 1].Text : "";
        var then = index + 2 < tokens.Count ? tokens[index + 2].Text : "";
        return next switch
        {
            "s" => MentionRole.Reference, // "@bob's PR"
            "and" when then == "i" => MentionRole.Reference,
            "for" when then == "visibility" => MentionRole.Copy,
            _ when ReportedSpeech.Contains(next) => MentionRole.Reference,
            _ => null,
        };
    }
}
