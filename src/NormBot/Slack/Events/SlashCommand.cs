using System.Text.Json.Nodes;

namespace NormBot.Slack.Events;

/// <summary>A slash command invocation, from the HTTP form body or a Socket Mode payload.</summary>
public sealed record SlashCommand(
    string TeamId, string ChannelId, string ChannelName, string UserId, string UserName,
    string Command, string Text, string? ResponseUrl, string? TriggerId)
{
    public static SlashCommand FromFields(JsonObject fields)
    {
        string Field(string name) => fields[name]?.GetValue<string>() ?? "";
        return new SlashCommand(
            Field("team_id"), Field("channel_id"), Field("channel_name"), Field("user_id"), Field("user_name"),
            Field("command"), Field("text"), fields["response_url"]?.GetValue<string>(), fields["trigger_id"]?.GetValue<string>());
    }
}
