using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Cursor pagination like Slack's: opaque base64 cursors (which contain '=' so clients must URL-encode them).</summary>
internal static class Pager
{
    public static (List<T> Page, string NextCursor) Page<T>(IReadOnlyList<T> items, ApiArgs args, string kind, int fallback, int max)
    {
        var limit = args.Limit(fallback, max);
        var offset = Decode(args.Str("cursor"), kind, items.Count);
        var page = items.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < items.Count ? Encode(kind, offset + page.Count) : string.Empty;
        return (page, next);
    }

    public static JsonObject Metadata(string nextCursor) => new() { ["next_cursor"] = nextCursor };

    private static string Encode(string kind, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{kind}:{offset}")));

    private static int Decode(string? cursor, string kind, int count)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var parts = text.Split(':');
            if (parts.Length == 2 && parts[0] == kind
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset <= count)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through: a garbled cursor is the client's bug and must be reported, not ignored.
        }

        throw new SlackApiException("invalid_cursor");
    }
}
