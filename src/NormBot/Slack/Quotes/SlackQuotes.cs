using System.Text.RegularExpressions;
using NormBot.Slack.Channels;
using NormBot.Slack.Users;

namespace NormBot.Slack.Quotes;

/// <summary>The one place a person's text becomes a <see cref="Quote"/>: mentions resolved to names, pings defused (<see cref="SafeQuote"/>).</summary>
public sealed partial class SlackQuotes(WorkspaceNames names, ChannelPrivacy privacy)
{
    /// <summary>Shown instead of words from a private channel the reader is not in (PRODUCT §12).</summary>
    public static Quote Withheld { get; } = new("_The words stay in the private channel; open it if you are a member._", "a message in a private channel");

    /// <summary>The quote of text from <paramref name="channelId"/>, or <see cref="Withheld"/> when <paramref name="audience"/> may not read that channel.</summary>
    public async Task<Quote> OfAsync(string teamId, string channelId, string text, QuoteAudience audience, CancellationToken ct) =>
        await privacy.MayQuoteAsync(teamId, channelId, audience, ct) ? await OfAsync(teamId, text, ct) : Withheld;

    public async Task<Quote> OfAsync(string teamId, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in UserMention().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
        {
            known[id] = await names.DisplayNameAsync(teamId, id, ct);
        }

        return Quote.Of(text, id => known.GetValueOrDefault(id));
    }

    [GeneratedRegex("<@([UW][A-Z0-9]+)")]
    private static partial Regex UserMention();
}
