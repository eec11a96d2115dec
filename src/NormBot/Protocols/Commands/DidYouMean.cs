namespace NormBot.Protocols.Commands;

/// <summary>Suggests the closest known word for a typo ("sett" → "set").</summary>
internal static class DidYouMean
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var lower = typed.ToLowerInvariant();
        var best = candidates
            .Select(c => (Word: c, Distance: Distance(lower, c)))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();

        // Two edits is a typo for words of five letters or more; short words get one, or every guess is a match.
        var allowed = lower.Length >= 5 ? 2 : 1;
        return best.Word is not null && best.Distance <= allowed ? best.Word : null;
    }

    public static string Suffix(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } guess ? $" Did you mean \"{guess}\"?" : string.Empty;

    // Optimal string alignment distance: Levenshtein plus swapped neighbours, the commonest typo.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
