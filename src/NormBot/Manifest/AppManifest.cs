using NormBot.Slack.Handlers;
using YamlDotNet.Serialization;

namespace NormBot.Manifest;

/// <summary>
/// The Slack app manifest this build needs, generated from <see cref="SlackHandlers"/> and <see cref="SlackScopes"/>
/// so it cannot drift from the code. Without a host it is a Socket Mode app; with one, Slack calls our HTTP routes.
/// </summary>
public static class AppManifest
{
    public const string Name = "NormBot";

    public static Dictionary<string, object> Build(Uri? httpHost = null)
    {
        var host = httpHost?.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var command = new Dictionary<string, object>
        {
            ["command"] = SlackHandlers.Command,
            ["description"] = "See and set this team's communication norms",
            ["usage_hint"] = "help | show [#channel] | set <key> <value> [#channel] | snooze 1d",
            // Arguments arrive as <#C123|name> and <@U123|name>, which the parser expects (PRODUCT.md section 10).
            ["should_escape"] = true,
        };
        var events = new Dictionary<string, object> { ["bot_events"] = SlackHandlers.BotEvents.ToList() };
        var interactivity = new Dictionary<string, object> { ["is_enabled"] = true };
        var oauth = new Dictionary<string, object> { ["scopes"] = new Dictionary<string, object> { ["bot"] = SlackScopes.Bot().ToList() } };
        if (host is not null)
        {
            // Where Slack may send installers back to (Slack:InstallBaseUrl + /slack/oauth_redirect, PRODUCT §15).
            oauth["redirect_urls"] = new List<object> { $"{host}/slack/oauth_redirect" };
            command["url"] = $"{host}/slack/command";
            events["request_url"] = $"{host}/slack/event";
            interactivity["request_url"] = $"{host}/slack/action";
            interactivity["message_menu_options_url"] = $"{host}/slack/options";
        }

        return new Dictionary<string, object>
        {
            ["_metadata"] = new Dictionary<string, object> { ["major_version"] = 1, ["minor_version"] = 1 },
            ["display_information"] = new Dictionary<string, object>
            {
                ["name"] = Name,
                ["description"] = "Kind, private nudges that keep a team's async norms: context, urgent channel, replies on time.",
                ["background_color"] = "#2c5364",
            },
            ["features"] = new Dictionary<string, object>
            {
                // The Home tab shows what waits on you; the Messages tab carries overdue DMs (read-only: the bot reads no DMs).
                ["app_home"] = new Dictionary<string, object> { ["home_tab_enabled"] = true, ["messages_tab_enabled"] = true, ["messages_tab_read_only_enabled"] = true },
                ["bot_user"] = new Dictionary<string, object> { ["display_name"] = Name, ["always_online"] = true },
                ["slash_commands"] = new List<object> { command },
            },
            ["oauth_config"] = oauth,
            ["settings"] = new Dictionary<string, object>
            {
                ["event_subscriptions"] = events,
                // Button presses on nudges (Post it in #incidents, Mark answered, ...) come back as block_actions.
                ["interactivity"] = interactivity,
                ["org_deploy_enabled"] = false,
                ["socket_mode_enabled"] = host is null,
                ["token_rotation_enabled"] = false,
            },
        };
    }

    public static string ToYaml(Uri? httpHost = null)
    {
        var serializer = new SerializerBuilder().WithIndentedSequences().Build();
        return serializer.Serialize(Build(httpHost));
    }
}
