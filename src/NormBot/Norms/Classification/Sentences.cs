using System.Text.RegularExpressions;

namespace NormBot.Norms.Classification;

/// <summary>
/// Splits a Slack message into sentences of word and mention tokens, for rules that must know which mention a
/// request is addressed to. A sentence ends at . ! ? ; a line break or an emoji (people use :pray: as a full stop);
/// code and links become placeholder words, so a pasted stack trace never reads as a question.
/// </summary>
public static partial class Sentences
{
    public const string Code = "_code_";
    public const string Link = "_link_";

    /// <summary>A comma or colon: kept as a token so that "thanks for this, @bob can you…" keeps the two parts apart.</summary>
    public const string Comma = ",";

    public static IReadOnlyList<Sentence> Of(string text)
    {
        var sentences = new List<Sentence>();
        var tokens = new List<Token>();
        var prepared = CodeBlock().Replace(InlineCode().Replace(text ?? string.Empty, " _code_ "), " _code_ ");
        foreach (Match m in Piece().Matches(prepared))
        {
            if (m.Groups["user"].Success)
            {
                tokens.Add(new Token(m.Value, MentionKind.User, m.Groups["user"].Value));
            }
            else if (m.Groups["group"].Success)
            {
                tokens.Add(new Token(m.Value, MentionKind.Group, m.Groups["group"].Value));
            }
            else if (m.Groups["special"].Success)
            {
                tokens.Add(new Token(m.Value, MentionKind.Broadcast, m.Groups["special"].Value));
            }
            else if (m.Groups["channel"].Success)
            {
                tokens.Add(Token.Word(m.Groups["label"].Success && m.Groups["label"].Length > 0 ? m.Groups["label"].Value : "_channel_"));
            }
            else if (m.Groups["link"].Success)
            {
                tokens.Add(Token.Word(Link));
            }
            else if (m.Groups["word"].Success)
            {
                tokens.Add(Token.Word(m.Value.Replace('’', '\'').ToLowerInvariant()));
            }
            else if (m.Value is "," or ":")
            {
                // "@bob," and "cc @kai:" name who the rest of the sentence is said to.
                if (tokens.Count > 0 && tokens[^1].IsMention)
                {
                    tokens[^1] = tokens[^1] with { Addressed = true };
                }

                tokens.Add(Token.Word(Comma));
            }
            else if (m.Value is "+")
            {
                tokens.Add(Token.Word("+"));
            }
            else if (Ends(m.Value, prepared, m.Index + m.Length))
            {
                Close(sentences, tokens, question: m.Value.Contains('?') || m.Value.Contains('？'), exclaims: m.Value.Contains('!'));
            }
        }

        Close(sentences, tokens, question: false, exclaims: false);
        return sentences;
    }

    // A full stop inside "2.4" or "e.g." does not end a sentence; a question mark, a line break or an emoji always does.
    private static bool Ends(string piece, string text, int next) => piece switch
    {
        "." => next >= text.Length || char.IsWhiteSpace(text[next]),
        "&amp;" or "&lt;" or "&gt;" => false,
        _ => true,
    };

    private static void Close(List<Sentence> sentences, List<Token> tokens, bool question, bool exclaims)
    {
        if (tokens.Count > 0)
        {
            sentences.Add(new Sentence([.. tokens], question, exclaims));
            tokens.Clear();
        }
        else if (question && sentences.Count > 0 && !sentences[^1].EndsWithQuestionMark)
        {
            // "anyone? :eyes:" or "really??": the mark belongs to the sentence before.
            sentences[^1] = sentences[^1] with { EndsWithQuestionMark = true };
        }
    }

    [GeneratedRegex(@"```.*?(?:```|$)", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`?")]
    private static partial Regex InlineCode();

    [GeneratedRegex(
        @"<@(?<user>[UW][A-Z0-9]+)(?:\|[^>]*)?>|<!subteam\^(?<group>[A-Z0-9]+)(?:\|[^>]*)?>|<!(?<special>here|channel|everyone)(?:\|[^>]*)?>"
        + @"|<#(?<channel>[CG][A-Z0-9]+)(?:\|(?<label>[^>]*))?>|(?<link><(?:https?|mailto|ftp):[^>]*>|(?:https?://|www\.)[^\s<>]+)"
        + @"|:(?:[a-z][a-z0-9_+\-]*|\+1|-1):(?::skin-tone-\d:)?|[\p{So}\p{Cs}]+|(?<word>[\p{L}\p{N}][\p{L}\p{N}'’\-]*(?:\.\d+)*)|[?？!]+|[.;…\n,:+]|&amp;|&lt;|&gt;",
        RegexOptions.IgnoreCase)]
    private static partial Regex Piece();
}

public enum MentionKind
{
    None,
    User,
    Group,
    Broadcast,
}

/// <summary>A word (lower case) or a mention; <see cref="Addressed"/> marks a mention followed by a comma or colon.</summary>
public sealed record Token(string Text, MentionKind Kind, string? Id, bool Addressed = false)
{
    public bool IsMention => Kind != MentionKind.None;

    public static Token Word(string text) => new(text, MentionKind.None, null);

    public override string ToString() => Text;
}

/// <summary>One sentence of a message: its tokens, and whether it ended with a question mark (or "?!").</summary>
public sealed record Sentence(IReadOnlyList<Token> Tokens, bool EndsWithQuestionMark, bool Exclaims)
{
    public IReadOnlyList<string> Words => [.. Tokens.Where(t => !t.IsMention && t.Text != Sentences.Comma).Select(t => t.Text)];
}
