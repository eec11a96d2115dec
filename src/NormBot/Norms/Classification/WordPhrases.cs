namespace NormBot.Norms.Classification;

/// <summary>Whole-word phrase lookups over a sentence's lower-case words ("can you" matches "can you", never "scan your").</summary>
public static class WordPhrases
{
    public static bool ContainsAny(IReadOnlyList<string> words, IEnumerable<string> phrases) =>
        phrases.Any(p => IndexOf(words, p) >= 0);

    public static string? FirstFound(IReadOnlyList<string> words, IEnumerable<string> phrases) =>
        phrases.FirstOrDefault(p => IndexOf(words, p) >= 0);

    public static int IndexOf(IReadOnlyList<string> words, string phrase, int from = 0)
    {
        var parts = phrase.Split(' ');
        for (var i = from; i + parts.Length <= words.Count; i++)
        {
            var k = 0;
            while (k < parts.Length && words[i + k] == parts[k])
            {
                k++;
            }

            if (k == parts.Length)
            {
                return i;
            }
        }

        return -1;
    }

    public static bool StartsWith(IReadOnlyList<string> words, int at, string phrase) => at >= 0 && IndexOf(words, phrase, at) == at;
}
