using System.Text.RegularExpressions;
using NormBot.Slack.Users;

namespace NormBot.Norms.People;

/// <summary>
/// A Slack status that means "away" under the workspace's <c>away-statuses</c> (PRODUCT §14). <see cref="Key"/> names the
/// status (emoji, text and expiry), so the same status is recognised again and a changed one is new.
/// </summary>
public sealed partial record AwayStatus(string Key, string Label, DateTimeOffset? Until)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The away status in <paramref name="profile"/>, or null. Emoji entries match the status emoji (any skin tone)
    /// or an emoji code in the text; word entries match the text at the start of a word, so "vacation" also matches
    /// "Vacationing" and "holiday" matches "Holidays". An expired status is no status.
    /// </summary>
    public static AwayStatus? Match(UserProfile? profile, IReadOnlyList<string> awayStatuses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(awayStatuses);
        var emoji = SkinTone().Replace(profile?.StatusEmoji ?? string.Empty, ":").ToLowerInvariant();
        var text = profile?.StatusText ?? string.Empty;
        if (emoji.Length == 0 && text.Length == 0)
        {
            return null;
        }

        var until = profile!.StatusExpiration > 0 ? DateTimeOffset.FromUnixTimeSeconds(profile.StatusExpiration) : (DateTimeOffset?)null;
        if (until <= now || !awayStatuses.Any(entry => Matches(entry, emoji, text)))
        {
            return null;
        }

        var label = string.Join(' ', new[] { profile.StatusEmoji, text }.Where(p => !string.IsNullOrEmpty(p)));
        return new AwayStatus($"{profile.StatusEmoji}|{text}|{profile.StatusExpiration}", label, until);
    }

    private static bool Matches(string entry, string emoji, string text)
    {
        if (entry.StartsWith(':') && entry.EndsWith(':') && entry.Length > 2)
        {
            return emoji == entry || text.Contains(entry, StringComparison.OrdinalIgnoreCase);
        }

        var words = string.Join(@"\s+", entry.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        return words.Length > 0 && Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){words}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    }

    [GeneratedRegex(@"::skin-tone-\d:$")]
    private static partial Regex SkinTone();
}
