using System.Text.Json.Nodes;
using NormBot.Norms.Nudges;
using NormBot.SlackEmulator;

namespace NormBot.Demo;

/// <summary>
/// Writes the day as a person would read it: what the team said, and every message NormBot sent, with the
/// rule that sent it. Bot messages are read from the emulator's recorded calls, so whatever a feature
/// sends (digests, App Home, new rules) shows up here without changes to the demo.
/// </summary>
public sealed class DemoTranscript(TextWriter output, DemoNames names, TimeSpan pause)
{
    // The bot looking things up or connecting, and Home tab refreshes: nothing a person reads in a channel or DM.
    private static readonly HashSet<string> NotShown =
    [
        "auth.test", "apps.connections.open", "users.info", "users.list", "conversations.info", "conversations.members",
        "conversations.replies", "conversations.history", "conversations.open", "chat.getPermalink", "views.publish",
    ];

    private readonly List<(string Kind, string Recipient)> _sent = [];
    private int _printed;

    /// <summary>What NormBot sent so far: the kind of message (the rule) and who saw it.</summary>
    public IReadOnlyList<(string Kind, string Recipient)> Sent => _sent;

    public const string ContextTip = "missing context";
    public const string MisrouteNudge = "misrouted topic";
    public const string MovedCopy = "moved to the right channel";
    public const string OverdueDm = "overdue reply";
    public const string Escalation = "escalation";
    public const string Expectation = "when to expect a reply";
    public const string Post = "channel post";
    public const string UnansweredNote = "unanswered ask";

    public async Task LineAsync(string line = "")
    {
        await output.WriteLineAsync(line);
        if (pause > TimeSpan.Zero && line.Length > 0)
        {
            await Task.Delay(pause);
        }
    }

    public Task SaidAsync(DateTimeOffset at, string channel, string who, string text, string? threadNote = null) =>
        LineAsync($"{Clock(at)}  #{channel,-10} {who}{(threadNote is null ? "" : $" ({threadNote})")}: {Indent(names.ToReadable(text), 20)}");

    public Task ActedAsync(DateTimeOffset at, string what) => LineAsync($"{Clock(at)}  {"",-11} {what}");

    public Task NoteAsync(DateTimeOffset at, string note) => LineAsync($"{Clock(at)}  -- {note} --");

    /// <summary>Prints the calls the emulator recorded since the last flush; <paramref name="replyTo"/> is who a response_url reply is for.</summary>
    public async Task FlushAsync(IReadOnlyList<RecordedCall> calls, string? replyTo = null)
    {
        for (; _printed < calls.Count; _printed++)
        {
            var call = calls[_printed];
            if (call.StatusCode != 200 || NotShown.Contains(call.Method) || call.Response["ok"]?.GetValue<bool>() == false && call.Method != "response_url")
            {
                continue;
            }

            var (kind, recipient, header) = Describe(call, replyTo);
            _sent.Add((kind, recipient));
            await LineAsync($"{Clock(call.At)}  {"",-11} >> NormBot {header} [{kind}]:");
            await LineAsync($"{"",19}{Indent(names.ToReadable(Text(call)), 19)}");
            if (kind == Post)
            {
                // A digest says most in its blocks.
                foreach (var line in BlockTexts(call).Take(20))
                {
                    await LineAsync($"{"",21}{Indent(names.ToReadable(line), 21)}");
                }
            }

            if (kind == Escalation)
            {
                // Which level of the escalation chain this was, when there is one.
                foreach (var line in BlockTexts(call).Where(l => l.StartsWith("Escalation level", StringComparison.Ordinal)))
                {
                    await LineAsync($"{"",19}{names.ToReadable(line)}");
                }
            }

            if (Buttons(call) is { Count: > 0 } buttons)
            {
                await LineAsync($"{"",19}{string.Join("  ", buttons.Select(b => $"[ {b["text"]?["text"]} ]"))}");
            }
        }
    }

    /// <summary>Buttons on a message NormBot sent (action id, value and label).</summary>
    public static List<JsonObject> Buttons(RecordedCall call) =>
        (call.Args["blocks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(b => b["type"]?.ToString() == "actions")
            .SelectMany(b => b["elements"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(e => e["type"]?.ToString() == "button")
            .ToList();

    public static string Clock(DateTimeOffset at) => at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private (string Kind, string Recipient, string Header) Describe(RecordedCall call, string? replyTo)
    {
        var channel = call.Args["channel"]?.ToString() ?? "";
        var user = call.Args["user"]?.ToString() ?? "";
        var actions = Buttons(call).Select(b => b["action_id"]?.ToString()).ToHashSet();
        var text = Text(call);
        var escalated = text.Contains("has waited", StringComparison.Ordinal);
        switch (call.Method)
        {
            case "chat.postEphemeral":
                var tipKind = actions.Contains(NudgeActions.PostInChannel) ? MisrouteNudge
                    : text.StartsWith("Your message in", StringComparison.Ordinal) ? ContextTip
                    : text.Contains("Heads-up", StringComparison.Ordinal) ? Expectation
                    : text.StartsWith("Nobody has picked up", StringComparison.Ordinal) ? UnansweredNote : "tip";
                return (tipKind, names.NameOf(user), $"to {names.NameOf(user)} only, in #{names.NameOf(channel)}");
            case "chat.postMessage" when channel.StartsWith('U') || channel.StartsWith('D'):
                var person = names.NameOf("U" + channel[1..]);
                return (actions.Contains(NudgeActions.MarkAnswered) ? OverdueDm : escalated ? Escalation : "direct message", person, $"DM to {person}");
            case "chat.postMessage" when call.Args["thread_ts"] is not null:
                return (escalated ? Escalation : "thread reply", "#" + names.NameOf(channel), $"in #{names.NameOf(channel)}, in the ask's thread");
            case "chat.postMessage":
                var posted = escalated ? Escalation : text.Contains("posted this in", StringComparison.Ordinal) ? MovedCopy : Post;
                return (posted, "#" + names.NameOf(channel), $"posts in #{names.NameOf(channel)}");
            case "chat.update" when channel.StartsWith('C') || channel.StartsWith('G'):
                return ("post updated", "#" + names.NameOf(channel), $"updates its post in #{names.NameOf(channel)}");
            case "chat.update":
                var reader = names.NameOf("U" + channel[1..]);
                return ("DM updated", reader, $"updates its DM to {reader}");
            case "response_url":
                return ("reply", replyTo ?? "", $"answers {replyTo ?? "the person who pressed"} only");
            default:
                return (call.Method, "", $"calls {call.Method}");
        }
    }

    private static string Text(RecordedCall call)
    {
        var text = call.Args["text"]?.ToString() ?? "";
        if (text.Length > 0)
        {
            return text;
        }

        // A blocks-only message: show its section texts.
        return string.Join("\n", BlockTexts(call));
    }

    private static IEnumerable<string> BlockTexts(RecordedCall call) =>
        (call.Args["blocks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(b => new[] { b["text"]?["text"]?.ToString() }
                .Concat((b["fields"] as JsonArray ?? []).Select(f => f?["text"]?.ToString()))
                .Concat(b["type"]?.ToString() == "context" ? (b["elements"] as JsonArray ?? []).Select(e => e?["text"]?.ToString()) : []))
            .OfType<string>();

    private static string Indent(string text, int by) => text.Replace("\n", "\n" + new string(' ', by), StringComparison.Ordinal);
}
