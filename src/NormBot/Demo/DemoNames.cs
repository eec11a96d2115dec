using System.Text.RegularExpressions;

namespace NormBot.Demo;

/// <summary>
/// Slack ids for the script's people and channels, and the translation both ways: the script says
/// <c>@bob</c> and <c>#incidents</c>, Slack says <c>&lt;@U0BOB&gt;</c> and <c>&lt;#C0INCIDENTS|incidents&gt;</c>.
/// </summary>
public sealed partial class DemoNames
{
    private readonly Dictionary<string, string> _userIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _channelIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public DemoNames(DemoScript script, string botUserId)
    {
        foreach (var person in script.Team)
        {
            _userIds[person.Name] = Id("U0", person.Name);
            _names[Id("U0", person.Name)] = person.Name;
        }

        foreach (var channel in script.Channels.Keys)
        {
            _channelIds[channel] = Id("C0", channel);
            _names[Id("C0", channel)] = channel;
        }

        _names[botUserId] = "NormBot";
    }

    public string User(string name) => _userIds.TryGetValue(name, out var id) ? id : throw new DemoException($"No one called {name} in the team");

    public string Channel(string name) => _channelIds.TryGetValue(name.TrimStart('#'), out var id) ? id : throw new DemoException($"No channel #{name.TrimStart('#')}");

    public string NameOf(string id) => _names.TryGetValue(id, out var name) ? name : id;

    /// <summary>
    /// Script text to Slack's escaped form. A slash command (registered with should_escape) carries each person's name
    /// too, <c>&lt;@U0ANA|ana&gt;</c>, as Slack sends it; a message carries only the id.
    /// </summary>
    public string ToSlack(string text, bool command = false)
    {
        text = MentionPattern().Replace(text, m => _userIds.TryGetValue(m.Groups[1].Value, out var id) ? (command ? $"<@{id}|{m.Groups[1].Value}>" : $"<@{id}>") : m.Value);
        return ChannelPattern().Replace(text, m => _channelIds.TryGetValue(m.Groups[1].Value, out var id) ? $"<#{id}|{m.Groups[1].Value}>" : m.Value);
    }

    /// <summary>Slack's markup back to what a person would read.</summary>
    public string ToReadable(string text) =>
        SlackRefPattern().Replace(text, m =>
        {
            var target = m.Groups["target"].Value;
            var label = m.Groups["label"].Success ? m.Groups["label"].Value : null;
            return target[0] switch
            {
                '@' => "@" + NameOf(target[1..]),
                '#' => "#" + (label ?? NameOf(target[1..])),
                '!' => label ?? "@" + target[1..].Split('^')[0],
                _ => label ?? target,
            };
        });

    private static string Id(string prefix, string name) => prefix + new string([.. name.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);

    [GeneratedRegex(@"(?<![\w<@])@([A-Za-z][\w.-]*[\w])")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"(?<![\w<#/&])#([A-Za-z][\w-]*)")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex(@"<(?<target>[^<>|]+)(\|(?<label>[^<>]*))?>")]
    private static partial Regex SlackRefPattern();
}
