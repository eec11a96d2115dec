using System.Text.RegularExpressions;

namespace NormBot.Protocols;

/// <summary>
/// A user, user group or channel named in a command or protocol value. Slack's escaped forms carry
/// an <see cref="Id"/>; hand-typed <c>#name</c> / <c>@name</c> carry only a <see cref="Name"/> that is
/// resolved later (an <c>@name</c> may turn out to be a user group, which only the Slack API can tell).
/// </summary>
public sealed partial record SlackRef(SlackRefKind Kind, string? Id, string? Name)
{
    public bool IsResolved => Id is not null;

    public static SlackRef User(string id, string? name = null) => new(SlackRefKind.User, id, name);

    public static SlackRef UserGroup(string id, string? name = null) => new(SlackRefKind.UserGroup, id, name);

    public static SlackRef Channel(string id, string? name = null) => new(SlackRefKind.Channel, id, name);

    public static bool TryParse(string text, out SlackRef slackRef)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = RefPattern().Match(text.Trim());
        slackRef = null!;
        if (!match.Success)
        {
            return false;
        }

        var label = match.Groups["label"].Success && match.Groups["label"].Length > 0 ? match.Groups["label"].Value : null;
        if (match.Groups["user"].Success)
        {
            slackRef = User(match.Groups["user"].Value, label);
        }
        else if (match.Groups["group"].Success)
        {
            slackRef = UserGroup(match.Groups["group"].Value, label?.TrimStart('@'));
        }
        else if (match.Groups["channel"].Success)
        {
            slackRef = Channel(match.Groups["channel"].Value, label);
        }
        else if (match.Groups["hashName"].Success)
        {
            slackRef = new SlackRef(SlackRefKind.Channel, null, match.Groups["hashName"].Value.ToLowerInvariant());
        }
        else
        {
            slackRef = new SlackRef(SlackRefKind.User, null, match.Groups["atName"].Value);
        }

        return true;
    }

    /// <summary>The canonical text form, which <see cref="TryParse"/> reads back to an equal value.</summary>
    public override string ToString() => (Kind, Id) switch
    {
        (SlackRefKind.User, null) => "@" + Name,
        (SlackRefKind.UserGroup, null) => "@" + Name,
        (SlackRefKind.Channel, null) => "#" + Name,
        (SlackRefKind.User, _) => Name is null ? $"<@{Id}>" : $"<@{Id}|{Name}>",
        (SlackRefKind.UserGroup, _) => Name is null ? $"<!subteam^{Id}>" : $"<!subteam^{Id}|@{Name}>",
        _ => Name is null ? $"<#{Id}>" : $"<#{Id}|{Name}>",
    };

    // Channel names: lowercase letters, digits, hyphens and underscores (Slack's own rule, 80 chars).
    [GeneratedRegex(
        @"^(?:<@(?<user>[UW][A-Z0-9]+)(?:\|(?<label>[^>]*))?>|<!subteam\^(?<group>S[A-Z0-9]+)(?:\|(?<label>[^>]*))?>|<#(?<channel>[CGD][A-Z0-9]+)(?:\|(?<label>[^>]*))?>|#(?<hashName>[a-z0-9][a-z0-9_\-]{0,79})|@(?<atName>[a-z0-9][a-z0-9._\-]{0,79}))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefPattern();
}
