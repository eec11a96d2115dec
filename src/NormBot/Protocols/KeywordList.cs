using System.Text.RegularExpressions;

namespace NormBot.Protocols;

/// <summary>Comma-separated keyword lists as typed in <c>/norms</c> (<c>urgent, asap, :rotating_light:</c>).</summary>
public static partial class KeywordList
{
    public const int MaxKeywords = 50;

    public static bool TryParse(string? text, out IReadOnlyList<string> keywords, out string error)
    {
        keywords = [];
        error = string.Empty;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var list = new List<string>();
        foreach (var raw in trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var keyword = Spaces().Replace(raw.Trim('"', '“', '”', '\''), " ").ToLowerInvariant();
            if (!Keyword().IsMatch(keyword))
            {
                error = $"\"{raw}\" is not a keyword; use words, numbers or emoji codes separated by commas, like urgent, sev1, :rotating_light:";
                return false;
            }

            if (!list.Contains(keyword))
            {
                list.Add(keyword);
            }
        }

        if (list.Count > MaxKeywords)
        {
            error = $"{list.Count} keywords is too many; use at most {MaxKeywords}";
            return false;
        }

        keywords = list;
        return true;
    }

    public static string Format(IEnumerable<string> keywords) => string.Join(", ", keywords);

    // Words (letters, digits, -, _, ', .) separated by single spaces, or a single :emoji_code:.
    [GeneratedRegex(@"^(?::[a-z0-9_+\-]+:|[\p{L}\p{N}][\p{L}\p{N}_\-'.]*(?: [\p{L}\p{N}][\p{L}\p{N}_\-'.]*)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
