using System.Net;
using System.Text;

namespace NormBot.Protocols.Commands;

/// <summary>
/// Splits <c>/norms</c> text into arguments. Slash commands arrive with escaping on (PRODUCT §10), so
/// references come as <c>&lt;#C1|name&gt;</c> and a literal &amp;, &lt; or &gt; typed by the user arrives
/// as an HTML entity, which is decoded here.
/// </summary>
public static class NormsTokenizer
{
    public static bool TryTokenize(string? text, out IReadOnlyList<NormsToken> tokens, out string error)
    {
        var result = new List<NormsToken>();
        tokens = result;
        error = string.Empty;
        var input = text ?? string.Empty;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '“' or '”')
            {
                var close = input.IndexOfAny(['"', '”', '“'], i + 1);
                if (close < 0)
                {
                    error = $"A quote opened at \"{Snippet(input, i)}\" is never closed";
                    return false;
                }

                result.Add(new NormsToken(NormsTokenKind.Quoted, WebUtility.HtmlDecode(input[(i + 1)..close])));
                i = close + 1;
            }
            else if (c == '<')
            {
                var close = input.IndexOf('>', i);
                if (close < 0)
                {
                    error = $"\"{Snippet(input, i)}\" is missing its closing >";
                    return false;
                }

                var raw = input[i..(close + 1)];
                result.Add(SlackRef.TryParse(raw, out var slackRef)
                    ? new NormsToken(NormsTokenKind.Ref, raw, slackRef)
                    : new NormsToken(NormsTokenKind.Word, raw));
                i = close + 1;
            }
            else
            {
                i = ReadWord(input, i, result);
            }
        }

        return true;
    }

    private static int ReadWord(string input, int start, List<NormsToken> result)
    {
        var end = start;
        while (end < input.Length && !char.IsWhiteSpace(input[end]) && input[end] is not ('<' or '"' or '“' or '”'))
        {
            end++;
        }

        var word = WebUtility.HtmlDecode(input[start..end]);

        // A hand-typed "#general," in a list keeps its comma as a separate word so the reference still parses.
        var trailing = new StringBuilder();
        while (word.Length > 1 && word[^1] == ',' && (word[0] is '#' or '@'))
        {
            trailing.Insert(0, ',');
            word = word[..^1];
        }

        result.Add(word.Length > 1 && word[0] is '#' or '@' && SlackRef.TryParse(word, out var slackRef)
            ? new NormsToken(NormsTokenKind.Ref, word, slackRef)
            : new NormsToken(NormsTokenKind.Word, word));
        if (trailing.Length > 0)
        {
            result.Add(new NormsToken(NormsTokenKind.Word, trailing.ToString()));
        }

        return end;
    }

    private static string Snippet(string input, int from) => input.Length - from > 20 ? string.Concat(input.AsSpan(from, 20), "…") : input[from..];
}
