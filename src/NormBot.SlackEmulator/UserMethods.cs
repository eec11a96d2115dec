using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>users.info, users.profile.get and dnd.info: who someone is, their status and their notification schedule.</summary>
internal sealed class UserMethods(SlackWorkspace workspace)
{
    private SlackEmulatorOptions Options => workspace.Options;

    public JsonObject UsersInfo(ApiArgs args)
    {
        var user = workspace.FindUser(args.Required("user")) ?? throw new SlackApiException("user_not_found");
        var response = SlackJson.Ok();
        response["user"] = SlackJson.User(user, workspace);
        return response;
    }

    /// <summary>Without <c>user</c> Slack answers for the token's own user, here the bot.</summary>
    public JsonObject UsersProfileGet(ApiArgs args)
    {
        var user = workspace.FindUser(args.Str("user") ?? workspace.BotUserId) ?? throw new SlackApiException("user_not_found");
        var response = SlackJson.Ok();
        var profile = SlackJson.Profile(user, workspace);
        profile["fields"] = new JsonObject(); // custom profile fields: users.profile.get always carries them, users.info does not
        response["profile"] = profile;
        return response;
    }

    /// <summary>
    /// The Do Not Disturb period that is on now, or else the next one: from the end of the user's notification
    /// hours to their start the next day, in the user's zone. Without a schedule Slack answers 1 for both times.
    /// The snooze fields only come for the token's own user, so they are left out.
    /// </summary>
    public JsonObject DndInfo(ApiArgs args)
    {
        var user = workspace.FindUser(args.Str("user") ?? workspace.BotUserId) ?? throw new SlackApiException("user_not_found");
        var response = SlackJson.Ok();
        if (user is not { NotifyFrom: { } from, NotifyUntil: { } until })
        {
            response["dnd_enabled"] = false;
            response["next_dnd_start_ts"] = 1;
            response["next_dnd_end_ts"] = 1;
            return response;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(user.Tz);
        var now = Options.TimeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (start, end) = Enumerable.Range(-1, 3)
            .Select(d => (Start: Local(today.AddDays(d), until, zone), End: Local(today.AddDays(d + 1), from, zone)))
            .First(p => p.End > now);
        response["dnd_enabled"] = true;
        response["next_dnd_start_ts"] = start.ToUnixTimeSeconds();
        response["next_dnd_end_ts"] = end.ToUnixTimeSeconds();
        return response;
    }

    private static DateTimeOffset Local(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
