using NormBot.Slack.Events;

namespace NormBot.Protocols.Commands;

/// <summary>
/// Turns the references in a command into ids. Commands arrive escaped (PRODUCT §10); a plain <c>#name</c> or
/// <c>@name</c> typed by hand has already been looked up by <see cref="HandTypedNames"/>, so one still without an id
/// here is a name nobody has (or, failing Slack, the caller's own name or the current channel, which need no lookup).
/// </summary>
public static class SlackRefResolver
{
    public static bool TryChannel(SlackRef channel, SlashCommand invocation, out string channelId, out string error)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(invocation);
        error = string.Empty;
        channelId = channel.Id ?? string.Empty;
        if (channel.Kind != SlackRefKind.Channel)
        {
            error = $"{channel} is not a channel; use a channel like #general";
            return false;
        }

        if (channel.Id is not null)
        {
            return true;
        }

        if (string.Equals(channel.Name, invocation.ChannelName, StringComparison.OrdinalIgnoreCase) && invocation.ChannelId.Length > 0)
        {
            channelId = invocation.ChannelId;
            return true;
        }

        error = $"I can't find a channel called #{channel.Name} that NormBot can see (invite it to a private channel first), or pick it from Slack's suggestions as you type #";
        return false;
    }

    public static bool TryUser(SlackRef user, SlashCommand invocation, out string userId, out string error)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(invocation);
        error = string.Empty;
        userId = user.Id ?? string.Empty;
        if (user.Kind != SlackRefKind.User)
        {
            error = $"{user} is not a person; use @someone";
            return false;
        }

        if (user.Id is not null)
        {
            return true;
        }

        if (string.Equals(user.Name, invocation.UserName, StringComparison.OrdinalIgnoreCase) && invocation.UserId.Length > 0)
        {
            userId = invocation.UserId;
            return true;
        }

        error = $"I can't find anyone called @{user.Name}; check the spelling, or pick the person from Slack's suggestions as you type @";
        return false;
    }

    /// <summary>Resolves a target value (<c>escalate-to</c>, <c>urgent-channel</c>) to its canonical stored form.</summary>
    public static bool TryTargetValue(string value, SlashCommand invocation, out string canonical, out string error)
    {
        canonical = value;
        error = string.Empty;
        if (!SlackRef.TryParse(value, out var target) || target.IsResolved)
        {
            return true; // "none" or an escaped reference, already checked by the parser
        }

        if (target.Kind == SlackRefKind.Channel && TryChannel(target, invocation, out var channelId, out error))
        {
            canonical = SlackRef.Channel(channelId, target.Name).ToString();
            return true;
        }

        if (target.Kind == SlackRefKind.User && TryUser(target, invocation, out var userId, out error))
        {
            canonical = SlackRef.User(userId, target.Name).ToString();
            return true;
        }

        return false;
    }

    /// <summary>The channel the command was typed in; null in a DM, where there is none.</summary>
    public static string? Here(SlashCommand invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return invocation.ChannelId.StartsWith('C') || invocation.ChannelId.StartsWith('G') ? invocation.ChannelId : null;
    }

    /// <summary>The channel named, or else the one the command was typed in (null in a DM); false when the name does not resolve.</summary>
    public static bool TryChannelOrHere(SlackRef? channel, SlashCommand invocation, out string? channelId, out string error)
    {
        error = string.Empty;
        channelId = Here(invocation);
        if (channel is null)
        {
            return true;
        }

        var ok = TryChannel(channel, invocation, out var id, out error);
        channelId = ok ? id : null;
        return ok;
    }

    /// <summary>How a scope reads in a reply: the workspace, or a channel link Slack renders with its name.</summary>
    public static string Describe(string scope) => scope == AuditEntry.WorkspaceScope ? "the workspace" : $"<#{scope}>";
}
