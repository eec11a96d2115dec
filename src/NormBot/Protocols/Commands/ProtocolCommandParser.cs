using System.Text.RegularExpressions;

namespace NormBot.Protocols.Commands;

/// <summary>The subcommands that change protocols: <c>set</c>, <c>unset</c>, <c>route</c> and <c>unroute</c>.</summary>
internal static partial class ProtocolCommandParser
{
    public static NormsParseResult ParseSet(List<NormsToken> args)
    {
        if (args.Count == 0 || args[0].Kind != NormsTokenKind.Word)
        {
            return NormsCommandParser.Error("set", "Say which key to set, like response-time, hours or urgent-keywords");
        }

        if (ParseKey("set", args[0]) is { } keyError)
        {
            return keyError;
        }

        var key = args[0].Text.ToLowerInvariant();
        var valueTokens = args.Skip(1).ToList();

        // A trailing channel is the scope, unless it is the only value ("set escalate-to #leads") or ends a list
        // ("set escalate-to @lead, #eng-leads").
        SlackRef? channel = null;
        if (valueTokens.Count >= 2 && valueTokens[^1].IsChannel && !valueTokens[^2].Is(","))
        {
            channel = valueTokens[^1].Ref;
            valueTokens.RemoveAt(valueTokens.Count - 1);
        }

        if (valueTokens.Count == 0)
        {
            return NormsCommandParser.Error("set", $"{key} needs a value, like /norms set {key} {ProtocolKeys.Example(key)}");
        }

        if (channel is not null && ProtocolKeys.IsWorkspaceOnly(key))
        {
            return NormsCommandParser.Error("set", $"{key} is workspace-wide; leave out {channel}");
        }

        var value = JoinValue(valueTokens);
        return ProtocolKeys.TryNormalize(key, value, out var canonical, out var error)
            ? new SetCommand(key, canonical, channel)
            : NormsCommandParser.Error("set", error);
    }

    public static NormsParseResult ParseUnset(List<NormsToken> args)
    {
        if (args.Count == 0)
        {
            return NormsCommandParser.Error("unset", "Say which key to unset, like response-time");
        }

        if (ParseKey("unset", args[0]) is { } keyError)
        {
            return keyError;
        }

        var key = args[0].Text.ToLowerInvariant();
        return args switch
        {
            [] or [_] => new UnsetCommand(key, null),
            [_, { IsChannel: true } channel] when ProtocolKeys.IsWorkspaceOnly(key) => NormsCommandParser.Error("unset", $"{key} is workspace-wide; leave out {channel.Ref}"),
            [_, { IsChannel: true } channel] => new UnsetCommand(key, channel.Ref),
            [_, var other] => NormsCommandParser.Error("unset", $"\"{other.Text}\" is not a channel; use a channel like #general"),
            [_, _, var extra, ..] => NormsCommandParser.TooMany("unset", extra),
        };
    }

    public static NormsParseResult ParseRoute(List<NormsToken> args)
    {
        if (args.Count < 1 || !TopicName().IsMatch(args[0].Text) || args[0].Ref is not null)
        {
            return NormsCommandParser.Error("route", args.Count == 0 ? "Say the topic, its channel and its keywords" : $"\"{args[0].Text}\" is not a topic name; use letters, digits and hyphens, like billing");
        }

        if (args.Count < 2 || !args[1].IsChannel)
        {
            return NormsCommandParser.Error("route", $"The {args[0].Text} topic needs a channel, like #{args[0].Text.ToLowerInvariant()}");
        }

        var rest = args.Skip(2).ToList();
        if (rest.Count == 0 || !(rest[0].Is("keywords:") || rest[0].Is("keywords")))
        {
            return NormsCommandParser.Error("route", "List the topic's keywords after keywords:, like keywords: invoice, refund");
        }

        var keywordText = JoinValue(rest.Skip(1)).TrimStart(':');
        if (!KeywordList.TryParse(keywordText, out var keywords, out var error) || keywords.Count == 0)
        {
            return NormsCommandParser.Error("route", error.Length > 0 ? error : "List at least one keyword, like keywords: invoice, refund");
        }

        return new RouteCommand(new TopicRoute(args[0].Text.ToLowerInvariant(), args[1].Ref!, keywords));
    }

    public static NormsParseResult ParseUnroute(List<NormsToken> args) =>
        args switch
        {
            [] => NormsCommandParser.Error("unroute", "Say which topic to remove"),
            [var topic] when topic.Ref is null && TopicName().IsMatch(topic.Text) => new UnrouteCommand(topic.Text.ToLowerInvariant()),
            [var topic] => NormsCommandParser.Error("unroute", $"\"{topic.Text}\" is not a topic name; use letters, digits and hyphens, like billing"),
            [_, var extra, ..] => NormsCommandParser.TooMany("unroute", extra),
        };

    private static NormsParseError? ParseKey(string subcommand, NormsToken token)
    {
        var key = token.Text.ToLowerInvariant();
        return ProtocolKeys.IsKnown(key)
            ? null
            : NormsCommandParser.Error(subcommand, $"\"{token.Text}\" is not a protocol key.{DidYouMean.Suffix(key, ProtocolKeys.All)} The keys are {string.Join(", ", ProtocolKeys.All)}");
    }

    private static string JoinValue(IEnumerable<NormsToken> tokens) => string.Join(' ', tokens.Select(t => t.ValueText)).Replace(" ,", ",", StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_\-]{0,39}$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicName();
}
