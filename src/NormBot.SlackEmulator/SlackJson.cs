using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Builds Slack-shaped objects (user, conversation, bot message) from workspace state.</summary>
internal static class SlackJson
{
    public const string WorkspaceUrl = "https://emulator.slack.test/";

    public static JsonObject Ok() => new() { ["ok"] = true };

    public static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    public static JsonObject Channel(ChannelState c, SlackWorkspace workspace, bool includeNumMembers = true)
    {
        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["created"] = c.Created,
            ["is_archived"] = false,
            ["is_im"] = c.IsIm,
            ["is_mpim"] = false,
            ["is_private"] = c.IsPrivate,
        };
        if (c.IsIm)
        {
            json["user"] = c.DmUserId;
            json["is_user_deleted"] = false;
            json["is_open"] = true;
            return json;
        }

        json["name"] = c.Name;
        json["name_normalized"] = c.Name;
        json["is_channel"] = !c.IsPrivate;
        json["is_group"] = c.IsPrivate;
        json["is_general"] = false;
        json["is_shared"] = c.IsExtShared;
        json["is_ext_shared"] = c.IsExtShared;
        json["is_org_shared"] = false;
        json["is_member"] = c.Members.Contains(workspace.BotUserId);
        json["creator"] = c.Members.FirstOrDefault() ?? workspace.BotUserId;
        json["topic"] = new JsonObject { ["value"] = string.Empty, ["creator"] = string.Empty, ["last_set"] = 0 };
        json["purpose"] = new JsonObject { ["value"] = string.Empty, ["creator"] = string.Empty, ["last_set"] = 0 };
        json["previous_names"] = new JsonArray();
        if (includeNumMembers)
        {
            json["num_members"] = c.Members.Count;
        }

        return json;
    }

    public static JsonObject User(EmulatedUser u, SlackWorkspace workspace)
    {
        var options = workspace.Options;
        var (label, offset) = Zone(u.Tz, options.TimeProvider.GetUtcNow());
        return new JsonObject
        {
            ["id"] = u.Id,
            ["team_id"] = workspace.TeamId,
            ["name"] = u.Name,
            ["deleted"] = u.Deleted,
            ["color"] = "9f69e7",
            ["real_name"] = u.RealName,
            ["tz"] = u.Tz,
            ["tz_label"] = label,
            ["tz_offset"] = offset,
            ["profile"] = Profile(u, workspace),
            ["is_admin"] = u.IsAdmin,
            ["is_owner"] = u.IsOwner,
            ["is_primary_owner"] = false,
            ["is_restricted"] = false,
            ["is_ultra_restricted"] = false,
            ["is_bot"] = u.IsBot,
            ["is_app_user"] = false,
            ["updated"] = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
        };
    }

    /// <summary>A user's <c>profile</c> as users.info, users.profile.get and user_change carry it.</summary>
    public static JsonObject Profile(EmulatedUser u, SlackWorkspace workspace)
    {
        var options = workspace.Options;
        var profile = new JsonObject
        {
            ["title"] = string.Empty,
            ["phone"] = string.Empty,
            ["skype"] = string.Empty,
            ["real_name"] = u.RealName,
            ["real_name_normalized"] = u.RealName,
            ["display_name"] = u.Name,
            ["display_name_normalized"] = u.Name,
            ["first_name"] = u.RealName.Split(' ')[0],
            ["last_name"] = u.RealName.Contains(' ', StringComparison.Ordinal) ? u.RealName[(u.RealName.IndexOf(' ', StringComparison.Ordinal) + 1)..] : string.Empty,
            ["status_text"] = u.StatusText,
            ["status_emoji"] = u.StatusEmoji,
            ["status_emoji_display_info"] = new JsonArray(),
            ["status_expiration"] = u.StatusExpiration,
            ["status_text_canonical"] = string.Empty,
            ["avatar_hash"] = "emulator",
            ["image_48"] = $"{WorkspaceUrl}avatars/{u.Id}_48.png",
            ["image_72"] = $"{WorkspaceUrl}avatars/{u.Id}_72.png",
            ["team"] = workspace.TeamId,
        };
        if (u.Id == workspace.BotUserId)
        {
            profile["bot_id"] = workspace.BotId;
            profile["api_app_id"] = options.AppId;
            profile["always_active"] = true;
        }

        return profile;
    }

    private static (string Label, int Offset) Zone(string tz, DateTimeOffset now)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(tz);
            var label = zone.IsDaylightSavingTime(now) ? zone.DaylightName : zone.StandardName;
            return (label, (int)zone.GetUtcOffset(now).TotalSeconds);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // An unknown zone must not break users.info; Slack itself falls back to UTC-ish labels.
            return (tz, 0);
        }
    }
}
