namespace NormBot.Slack.Blocks;

/// <summary>Slack's Block Kit size limits (REFERENCE.md §10) and a truncation that keeps mrkdwn valid.</summary>
public static class BlockLimits
{
    public const int BlocksPerMessage = 50;
    public const int BlocksPerView = 100;
    public const int SectionText = 3000;
    public const int SectionFieldText = 2000;
    public const int SectionFields = 10;
    public const int HeaderText = 150;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int BlockId = 255;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ActionsElements = 25;
    public const int ContextElements = 10;

    public const string Ellipsis = "…";

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxLength"/> chars including the ellipsis.
    /// Cuts at a word boundary and never inside a <c>&lt;...&gt;</c> sequence (links, mentions, dates), because a
    /// half link renders as raw markup. A single word longer than the limit is cut hard as a last resort.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - Ellipsis.Length;

        // Inside an unclosed "<" at the cut point? Then the whole sequence goes.
        var open = text.LastIndexOf('<', cut - 1 < 0 ? 0 : cut - 1);
        if (open >= 0 && text.IndexOf('>', open) >= cut)
        {
            cut = open;
        }
        else if (!char.IsWhiteSpace(text[cut]) && cut > 0 && !char.IsWhiteSpace(text[cut - 1]))
        {
            var space = LastWhiteSpace(text, cut);
            if (space > 0)
            {
                cut = space;
            }
        }

        // Never split a surrogate pair (emoji) either.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    private static int LastWhiteSpace(string text, int before)
    {
        for (var i = before - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
