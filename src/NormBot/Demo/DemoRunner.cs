using Microsoft.Extensions.Time.Testing;
using NormBot.SlackEmulator;

namespace NormBot.Demo;

/// <summary>Replays a <see cref="DemoScript"/> against the real bot on the emulator and writes the transcript.</summary>
/// <param name="services">Extra registrations for the bot (tests use it to stand in for features not in this build).</param>
public sealed class DemoRunner(DemoScript script, TextWriter output, TimeSpan pause, Action<IServiceCollection>? services = null)
{
    private bool _toldNoCommand;
    private bool _digestRequested;

    private readonly Dictionary<string, (string Channel, string Ts, string User, DateTimeOffset At)> _messages = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken ct)
    {
        var time = new FakeTimeProvider(script.Start.AddMinutes(-1));
        await using var host = await DemoHost.StartAsync(script, time, services, ct);
        var names = new DemoNames(script, host.Slack.BotUserId);
        var transcript = new DemoTranscript(output, names, pause);
        await IntroAsync(transcript, script);

        foreach (var step in script.Day)
        {
            await host.AdvanceToAsync(script.At(step.At), ct);
            await transcript.FlushAsync(host.Slack.Calls);
            await RunStepAsync(host, names, transcript, step, ct);
            await transcript.FlushAsync(host.Slack.Calls, step.Who);
        }

        await host.AdvanceToAsync(script.End, ct);
        await WaitForDigestAsync(host, ct);
        await transcript.FlushAsync(host.Slack.Calls);
        await transcript.LineAsync();
        await DemoSummary.WriteAsync(transcript, script);
    }

    private async Task RunStepAsync(DemoHost host, DemoNames names, DemoTranscript transcript, DemoStep step, CancellationToken ct)
    {
        var now = host.Time.GetUtcNow();
        var who = step.Who ?? "";
        var channelName = (step.In ?? "general").TrimStart('#');
        if (step.Note is not null)
        {
            await transcript.NoteAsync(now, step.Note);
        }
        else if (step.Say is not null)
        {
            var text = names.ToSlack(step.Say.Trim());
            var parent = step.ReplyTo is null ? ((string, string, string, DateTimeOffset)?)null : _messages[step.ReplyTo];
            var channel = parent?.Item1 ?? names.Channel(channelName);
            var threadNote = parent is { } p ? $"in the thread of {names.NameOf(p.Item3)}'s {DemoTranscript.Clock(p.Item4)} message" : null;
            await transcript.SaidAsync(now, names.NameOf(channel), who, text, threadNote);
            var ts = await host.SayAsync(names.User(who), channel, text, parent?.Item2, ct);
            if (step.Id is not null)
            {
                _messages[step.Id] = (channel, ts, names.User(who), now);
            }
        }
        else if (step.React is not null)
        {
            var (channel, ts, author, at) = _messages[step.On!];
            var emoji = step.React.Trim(':');
            await transcript.ActedAsync(now, $"{who} reacts :{emoji}: to {names.NameOf(author)}'s {DemoTranscript.Clock(at)} message in #{names.NameOf(channel)}");
            await host.ReactAsync(names.User(who), channel, ts, author, emoji, ct);
        }
        else if (step.Press is not null)
        {
            await PressAsync(host, names, transcript, step, ct);
        }
        else if (step.Command is not null)
        {
            var line = names.ToSlack(step.Command.Trim(), command: true);
            var command = line.Split(' ', 2)[0];
            var text = line.Length > command.Length ? line[(command.Length + 1)..] : "";
            await transcript.SaidAsync(now, channelName, who, line);
            var reply = await host.CommandAsync(names.User(who), who, names.Channel(channelName), channelName, command, text, ct);
            if (reply is not null)
            {
                await transcript.ActedAsync(host.Time.GetUtcNow(), $">> NormBot answers {who} only [/norms]: {names.ToReadable(reply)}");
            }

            var unavailable = reply is not null
                && (reply.Contains("not available in this build", StringComparison.Ordinal) || reply.Contains("coming soon", StringComparison.Ordinal));
            _digestRequested |= text.StartsWith("digest ", StringComparison.Ordinal) && !unavailable;
            if (reply?.Contains("not available in this build", StringComparison.Ordinal) == true && !_toldNoCommand)
            {
                _toldNoCommand = true;
                await transcript.NoteAsync(host.Time.GetUtcNow(), "this build has no /norms handler yet; the demo started with the same norms from Norms:Defaults");
            }
        }
    }

    /// <summary>
    /// A digest asked for with <c>/norms digest ... now</c> runs as a Quartz job on the real clock; give it a moment,
    /// unless the command said this build has no digests.
    /// </summary>
    private async Task WaitForDigestAsync(DemoHost host, CancellationToken ct)
    {
        if (!_digestRequested)
        {
            return;
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < deadline && !host.Slack.Calls.Any(IsChannelPost))
        {
            await Task.Delay(50, ct);
        }

        await host.QuietAsync(ct);
    }

    private static bool IsChannelPost(RecordedCall call) =>
        call.Method == "chat.postMessage" && call.Args["thread_ts"] is null && call.Args["channel"]?.ToString() is ['C' or 'G', ..]
        && !(call.Args["text"]?.ToString() ?? "").Contains("posted this in", StringComparison.Ordinal);

    private async Task PressAsync(DemoHost host, DemoNames names, DemoTranscript transcript, DemoStep step, CancellationToken ct)
    {
        var user = names.User(step.Who!);
        var about = step.On is null ? null : _messages[step.On].Ts;
        var calls = host.Slack.Calls;
        foreach (var call in calls.Reverse())
        {
            if (!SentTo(call, user))
            {
                continue;
            }

            var button = DemoTranscript.Buttons(call).FirstOrDefault(b =>
                string.Equals(b["text"]?["text"]?.ToString(), step.Press, StringComparison.OrdinalIgnoreCase)
                && (about is null || (b["value"]?.ToString() ?? "").Contains(about, StringComparison.Ordinal)));
            if (button is null)
            {
                continue;
            }

            await transcript.ActedAsync(host.Time.GetUtcNow(), $"{step.Who} presses [ {step.Press} ] on NormBot's {DemoTranscript.Clock(call.At)} message");
            if (button["url"] is not null)
            {
                // A link button (Reply now) opens Slack; there is nothing for the bot to do.
                return;
            }

            await host.PressAsync(user, call, button, ct);
            return;
        }

        throw new DemoException($"Step at {step.At}: {step.Who} has no NormBot message with a \"{step.Press}\" button{(step.On is null ? "" : $" about '{step.On}'")}. Did the rule fire? Check the times and the defaults in the script.");
    }

    private static bool SentTo(RecordedCall call, string userId) => call.Method switch
    {
        "chat.postEphemeral" => call.Args["user"]?.ToString() == userId,
        "chat.postMessage" => call.Args["channel"]?.ToString() == userId || call.Args["channel"]?.ToString() == "D" + userId[1..],
        _ => false,
    };

    private static async Task IntroAsync(DemoTranscript transcript, DemoScript script)
    {
        await transcript.LineAsync($"NormBot demo: a day at a small team, {script.Date} ({script.At("00:00"):dddd}), replayed on a fast clock against a local Slack emulator.");
        await transcript.LineAsync("Times are UTC. Lines marked >> are what NormBot sent; [brackets] name the rule that sent it.");
        await transcript.LineAsync();
        foreach (var person in script.Team)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(person.Tz);
            var offset = zone.GetUtcOffset(script.Start);
            var local = $"{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
            var status = person.Status is null ? "" : $", Slack status \"{person.Status}\"{(person.StatusUntil is { } until ? $" until {until}" : "")}";
            await transcript.LineAsync($"  {person.Name,-7} {person.Role,-22} {person.Tz} (UTC{local}){(person.Leader ? ", team lead" : "")}{status}");
        }

        await transcript.LineAsync($"  channels: {string.Join(", ", script.Channels.Keys.Select(c => "#" + c))}");
        await transcript.LineAsync($"  norms: {string.Join(", ", script.Defaults.Select(d => $"{d.Key} {d.Value}"))} (working hours 09:00-17:00 in each person's own zone)");
        await transcript.LineAsync();
    }
}
