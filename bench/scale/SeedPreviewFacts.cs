using NormBot.Norms.Rules;
using NormBot.SlackEmulator;

namespace NormBot.Bench.Scale;

/// <summary>
/// What <c>/norms preview</c> reads beside the asks and nudges: <c>message_facts</c> for the busy workspace as
/// <c>PreviewStore.RecordAsync</c> leaves them over the retention window (<c>Storage:RetentionDays</c>, 30 by default),
/// so the preview's week is read out of a longer history. One row per top-level message the seeded world holds (each
/// ask, each message the context or misroute rule nudged), its <c>lacks_context_from</c> from the context rule's own
/// classifier, and <c>follow_up_at</c>: the author's next message in the channel, a thread reply included.
/// </summary>
public static class SeedPreviewFacts
{
    public static readonly string[] Columns = ["team_id", "channel_id", "ts", "user_id", "at", "lacks_context_from", "follow_up_at"];

    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    // The nudged messages' text is not seeded anywhere (the app keeps none): what each rule typically saw.
    private const string Greeting = "hi, got a minute?";
    private const string UrgentTopic = "URGENT: checkout is down for EU customers, payments return 502";

    public static IEnumerable<object?[]> Rows(ScaleData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var from = (data.Now - Kept).ToUnixTimeMilliseconds();
        var bot = new SlackEmulatorOptions().BotUserId;
        var lacks = new Dictionary<string, long?>(StringComparer.Ordinal);
        long? LacksFrom(string text) => lacks.TryGetValue(text, out var known) ? known : lacks[text] = ContextRule.LacksContextFrom(text, hasFiles: false, bot);

        var facts = new List<(string Channel, string Ts, string User, long At, long? LacksFrom)>();
        var said = new Dictionary<(string Channel, string User), List<long>>();
        void Said(string channel, string user, long at) =>
            (said.TryGetValue((channel, user), out var times) ? times : said[(channel, user)] = []).Add(at);

        foreach (var (ask, assignee) in data.BusyAsks())
        {
            var (channel, ts, asker, excerpt, opened) = ((string)ask[1]!, (string)ask[2]!, (string)ask[4]!, (string)ask[5]!, (long)ask[7]!);
            if (opened < from)
            {
                continue;
            }

            facts.Add((channel, ts, asker, opened, LacksFrom(excerpt)));
            Said(channel, asker, opened);
            if (ask[8] is long firstReply)
            {
                Said(channel, (string)assignee[3]!, firstReply);
            }
        }

        foreach (var nudge in data.Nudges())
        {
            var (user, rule, channel, ts, at) = ((string)nudge[2]!, (string)nudge[3]!, (string)nudge[4]!, (string)nudge[5]!, (long)nudge[6]!);
            if (at >= from && rule is "context" or "misroute")
            {
                facts.Add((channel, ts, user, at, LacksFrom(rule == "context" ? Greeting : UrgentTopic)));
                Said(channel, user, at);
            }
        }

        foreach (var times in said.Values)
        {
            times.Sort();
        }

        var keys = new HashSet<(string, string)>();
        foreach (var fact in facts.Where(f => keys.Add((f.Channel, f.Ts))))
        {
            var times = said[(fact.Channel, fact.User)];
            var next = times.BinarySearch(fact.At + 1);
            next = next < 0 ? ~next : next;
            while (next > 0 && times[next - 1] > fact.At)
            {
                next--;
            }

            yield return [ScaleData.BusyTeam, fact.Channel, fact.Ts, fact.User, fact.At, fact.LacksFrom, next < times.Count ? times[next] : null];
        }
    }
}
