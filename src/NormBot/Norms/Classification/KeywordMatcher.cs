using System.Text.RegularExpressions;

namespace NormBot.Norms.Classification;

/// <summary>
/// Whole-word, case-insensitive keyword matching for urgent keywords and topic routes (PRODUCT §4).
/// Text inside links and code is ignored: a pasted stack trace saying "down" is not an outage report.
/// </summary>
public static class KeywordMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The keywords found, each once, in the order they were given.</summary>
    public static IReadOnlyList<string> FindMatches(string text, IEnumerable<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var plain = MessageText.WithoutMarkup(text ?? string.Empty).Replace('’', '\'');
        var found = new List<string>();
        foreach (var keyword in keywords)
        {
            var trimmed = keyword?.Trim() ?? string.Empty;
            if (trimmed.Length > 0 && !found.Contains(trimmed, StringComparer.OrdinalIgnoreCase)
                && Regex.IsMatch(plain, PatternFor(trimmed), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout))
            {
                found.Add(trimmed);
            }
        }

        return found;
    }

    public static bool Matches(string text, IEnumerable<string> keywords) => FindMatches(text, keywords).Count > 0;

    /// <summary>
    /// A hyphen joined to a letter or digit counts as part of the word, so "non-urgent" does not match
    /// "urgent" and "top-down" does not match "down", while "down - again" still does.
    /// </summary>
    private static string PatternFor(string keyword)
    {
        var words = keyword.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var body = string.Join(@"\s+", words);
        if (keyword.StartsWith(':') && keyword.EndsWith(':'))
        {
            return body;
        }

        return $@"(?<![\p{{L}}\p{{N}}_]|[\p{{L}}\p{{N}}]-){body}(?![\p{{L}}\p{{N}}_]|-[\p{{L}}\p{{N}}])";
    }
}
