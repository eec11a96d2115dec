namespace NormBot.Norms.Classification;

/// <summary>
/// Questions without a question mark ("how do I rotate the key", "did it work"): English questions open with a
/// question word, or put a subject after their auxiliary ("can you", "is the build"). "What a day", "How nice",
/// "Will do" and "Can do" are not questions.
/// </summary>
public static class Questions
{
    private static readonly HashSet<string> Subjects =
    [
        "i", "you", "u", "we", "they", "he", "she", "it", "this", "that", "these", "those", "there", "the", "a", "an",
        "my", "your", "our", "their", "his", "her", "its", "someone", "somebody", "anyone", "anybody", "everyone",
        "everybody", "any", "some", "all", "ya", "y'all", "yall", "me", "us",
    ];

    public static bool OpensLikeQuestion(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count < 2)
        {
            return false;
        }

        return words[0] switch
        {
            "who" or "what" or "when" or "where" or "why" or "which" => words[1] is not ("a" or "an"),
            "how" => words[1] is not ("nice" or "cool" or "great" or "fun" or "awesome" or "lovely" or "sad" or "funny"),
            "do" => Subjects.Contains(words[1]) && words[1] is not ("it" or "this" or "that"), // "do it" is an order
            "can" or "could" or "would" or "should" or "is" or "are" or "does" or "did" or "will" => Subjects.Contains(words[1]),
            _ => false,
        };
    }
}
