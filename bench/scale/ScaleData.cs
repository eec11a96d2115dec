using System.Globalization;

namespace NormBot.Bench.Scale;

/// <summary>
/// The seeded world: one busy workspace (2,000 people, 200 channels, 90 days, <see cref="Asks"/> asks of which 1% are
/// open) and 999 small ones. Rows come out as column arrays in the app's own tables (0004_norms.sql), deterministic
/// for a size, so both stores hold the same data.
/// </summary>
public sealed class ScaleData(int asks, DateTimeOffset now)
{
    public const string BusyTeam = "T0BUSY";
    public const int People = 2000;
    public const int Channels = 200;
    public const int Days = 90;
    public const int SmallTeams = 999;
    public const int SmallTeamAsks = 10;

    public static readonly string[] AskColumns =
        ["team_id", "channel_id", "ts", "thread_ts", "asker_id", "excerpt", "state", "opened_at", "first_reply_at", "resolved_at", "resolved_by", "escalation_level"];

    public static readonly string[] AssigneeColumns =
        ["team_id", "channel_id", "ts", "user_id", "due_at", "escalate_at", "reminded_at", "escalated_at", "snoozed_until", "declined", "open", "held_until"];

    public static readonly string[] DecisionColumns = ["team_id", "channel_id", "ts", "user_id", "at", "excerpt"];

    public static readonly string[] NudgeColumns = ["team_id", "id", "user_id", "rule", "channel_id", "message_ts", "at", "outcome", "detail"];

    public static readonly string[] ProfileColumns =
        ["team_id", "user_id", "tz", "is_admin", "is_owner", "is_bot", "fetched_at", "status_text", "status_emoji", "status_expiration"];

    public static readonly string[] LeaderColumns = ["team_id", "user_id", "added_by", "added_at"];

    private static readonly double[] ChannelWeights = Enumerable.Range(1, Channels).Select(i => 1.0 / i).ToArray();

    public int Asks { get; } = asks;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The busiest channel (Zipf weights: channel i gets 1/i of the traffic), the digest's subject.</summary>
    public static string BusiestChannel => Channel(0);

    /// <summary>The leader whose App Home the benchmark opens; also the workspace's configured leader.</summary>
    public static string Leader => User(0);

    public static string Channel(int i) => "C" + i.ToString("D5", CultureInfo.InvariantCulture);

    public static string User(int i) => "U" + i.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Asks with their one assignee each; every hundredth ask is still open.</summary>
    public IEnumerable<(object?[] Ask, object?[] Assignee)> BusyAsks()
    {
        var random = new Random(Asks);
        var nowMs = Now.ToUnixTimeMilliseconds();
        var spanMs = (long)TimeSpan.FromDays(Days).TotalMilliseconds;
        var cumulative = Cumulative(ChannelWeights);
        for (var i = 0; i < Asks; i++)
        {
            var channel = Channel(Pick(cumulative, random.NextDouble()));
            var opened = nowMs - spanMs + (long)(random.NextDouble() * spanMs);
            var ts = string.Create(CultureInfo.InvariantCulture, $"{opened / 1000}.{i % 1_000_000:D6}");
            var asker = User(random.Next(People));
            var assignee = User(random.Next(People));
            var open = i % 100 == 0;
            var reply = opened + (long)(-Math.Log(1 - random.NextDouble()) * TimeSpan.FromHours(2).TotalMilliseconds);
            var (state, firstReply, resolved) = open ? ("open", (long?)null, (long?)null) : (random.Next(20) switch
            {
                0 => ("dismissed", (long?)null, (long?)reply),
                1 => ("deleted", null, reply),
                2 => ("closed", null, reply),
                _ => ("answered", reply, reply),
            });
            if (resolved > nowMs)
            {
                (state, firstReply, resolved) = ("open", null, null);
            }

            var due = opened + (long)TimeSpan.FromHours(4).TotalMilliseconds;
            var escalate = opened + (long)TimeSpan.FromHours(24).TotalMilliseconds;
            var isOpen = state == "open";
            object?[] ask = [BusyTeam, channel, ts, null, asker, $"could you look at item {i} before the review?", state, opened, firstReply, resolved, resolved is null ? null : assignee, 0L];
            object?[] row = [BusyTeam, channel, ts, assignee, due, escalate, isOpen && due <= nowMs ? due : null, isOpen && escalate <= nowMs ? escalate : null, null, 0L, isOpen ? 1L : 0L, null];
            yield return (ask, row);
        }
    }

    public IEnumerable<object?[]> SmallAsks()
    {
        var nowMs = Now.ToUnixTimeMilliseconds();
        for (var t = 1; t <= SmallTeams; t++)
        {
            for (var i = 0; i < SmallTeamAsks; i++)
            {
                var opened = nowMs - ((i + 1) * (long)TimeSpan.FromDays(1).TotalMilliseconds);
                yield return [Team(t), Channel(i % 3), string.Create(CultureInfo.InvariantCulture, $"{opened / 1000}.{i:D6}"), null, User(i), "a small team's ask?", "answered", opened, opened + 60_000, opened + 60_000, User(i + 1), 0L];
            }
        }
    }

    /// <summary>One decision per hundred asks and one nudge per ten, spread like the asks.</summary>
    public IEnumerable<object?[]> Decisions() => Spread(Asks / 100, 1, (i, channel, at) =>
        [BusyTeam, channel, string.Create(CultureInfo.InvariantCulture, $"{at / 1000}.{i:D6}"), User(i % People), at, $"Decision: ship item {i}"]);

    public IEnumerable<object?[]> Nudges() => Spread(Asks / 10, 2, (i, channel, at) =>
        [BusyTeam, "n" + i.ToString(CultureInfo.InvariantCulture), User(i % People), (i % 3) switch { 0 => "context", 1 => "overdue", _ => "misroute" }, channel,
            string.Create(CultureInfo.InvariantCulture, $"{at / 1000}.{i % 1_000_000:D6}"), at, null, null]);

    /// <summary>The busy workspace's profiles as the rules leave them (users.info at ask time), fetched ten minutes before "now": an active workspace's people post within the directory's hour.</summary>
    public IEnumerable<object?[]> Profiles()
    {
        var fetched = Now.AddMinutes(-10).ToUnixTimeMilliseconds();
        for (var i = 0; i < People; i++)
        {
            yield return [BusyTeam, User(i), i % 3 == 0 ? "America/New_York" : "Europe/Berlin", 0L, 0L, 0L, fetched, null, null, null];
        }
    }

    public IEnumerable<object?[]> Leaders()
    {
        var at = Now.ToUnixTimeMilliseconds();
        yield return [BusyTeam, Leader, Leader, at];
        for (var t = 1; t <= SmallTeams; t++)
        {
            yield return [Team(t), User(0), User(0), at];
        }
    }

    public static string Team(int i) => "T" + i.ToString("D6", CultureInfo.InvariantCulture);

    private IEnumerable<object?[]> Spread(int count, int seed, Func<int, string, long, object?[]> row)
    {
        var random = new Random(Asks + seed);
        var nowMs = Now.ToUnixTimeMilliseconds();
        var spanMs = (long)TimeSpan.FromDays(Days).TotalMilliseconds;
        var cumulative = Cumulative(ChannelWeights);
        for (var i = 0; i < count; i++)
        {
            yield return row(i, Channel(Pick(cumulative, random.NextDouble())), nowMs - spanMs + (long)(random.NextDouble() * spanMs));
        }
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var sum = 0.0;
        return weights.Select(w => sum += w / total).ToArray();
    }

    private static int Pick(double[] cumulative, double x)
    {
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
