using NormBot.Norms.Classification;
using NormBot.Norms.Nudges;
using NormBot.Protocols;

namespace NormBot.Norms.Feedback;

/// <summary>
/// What Why? says (PRODUCT §13): the rule, the channel's protocol values that made it fire, who sets those norms,
/// and how to pause nudges. Values are shown as <c>/norms show</c> would, so a person can quote them to a leader.
/// </summary>
public static class NudgeExplanations
{
    public static string For(string rule, string channelId, Protocol protocol, string leaders, string? detail, string? askReading)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        string V(string key) => $"`{key}` {(protocol.Values[key].Length == 0 ? "none" : protocol.Values[key])}";
        var why = rule switch
        {
            Nudge.Context =>
                $"*Missing context.* With {V(ProtocolKeys.Context)} in <#{channelId}>, a top-level message that is only a greeting or a ping, or a short " +
                $"question ({V(ProtocolKeys.MinWords)}) that doesn't say what it is about, gets a private tip after {V(ProtocolKeys.ContextGrace)} " +
                $"unless you add the details.{Read(ContextReading(detail))}",
            Nudge.Misroute =>
                $"*Topics in their channel.* {Matched(detail)} {V(ProtocolKeys.UrgentChannel)}, {V(ProtocolKeys.UrgentKeywords)}; topic routes are listed by `/norms show`.",
            Nudge.Overdue =>
                $"*Replies on time.* With {V(ProtocolKeys.ResponseTime)} in <#{channelId}>, counted in your working time ({V(ProtocolKeys.Hours)}, " +
                $"{V(ProtocolKeys.Days)}, your Slack time zone, else {V(ProtocolKeys.TimeZone)}), the person asked gets one reminder once it has passed.{Read(askReading)}",
            Nudge.Escalation =>
                $"*Escalation.* In <#{channelId}> an ask still unanswered after {V(ProtocolKeys.EscalateAfter)} the {V(ProtocolKeys.ResponseTime)} " +
                $"(working time) goes to {V(ProtocolKeys.EscalateTo)} (none means the channel's leaders, in the ask's thread).{Read(askReading)}",
            Nudge.Unanswered =>
                $"*Unanswered asks.* Your question named nobody, so it waited on anyone in <#{channelId}>; after {V(ProtocolKeys.ResponseTime)} of working time " +
                "without a reply NormBot tells you once, privately, so it doesn't sit unseen.",
            _ => $"*{rule}.*",
        };
        return $"{why}\n*Who sets these norms:* {leaders}; tell them if this one doesn't fit <#{channelId}>.\n" +
               "*Pause nudges:* `/norms snooze 1d` (`/norms snooze off` resumes). `/norms show` lists this channel's norms.";
    }

    private static string Read(string? reading) => reading is null ? "" : $"\nNormBot read it as {reading}.";

    private static string? ContextReading(string? detail) => Enum.TryParse<ContextGap>(detail, out var gap) ? gap switch
    {
        ContextGap.BareGreeting => "a greeting on its own",
        ContextGap.BarePing => "a ping without the question",
        ContextGap.ShortQuestion => "a short question that names nothing to act on",
        _ => null,
    } : null;

    // The misroute nudge's detail is "topic:word,word".
    private static string Matched(string? detail) =>
        detail?.Split(':', 2) is [var topic, var words]
            ? $"The message used {string.Join(", ", words.Split(',').Select(w => $"\"{w}\""))}, keywords of the *{topic}* topic, outside its channel."
            : "The message used a topic's keywords outside its channel.";
}
