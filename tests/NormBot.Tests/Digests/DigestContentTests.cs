using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NormBot.Digests;
using NormBot.Norms;
using NormBot.Protocols.Commands;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;
using NormBot.Storage;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Digests;

/// <summary>Digest and stats content from rows seeded in the real store, posted through the emulator.</summary>
[NonParallelizable]
public sealed class DigestContentTests
{
    private const string Team = EmulatedSlackApp.TeamId;
    private const string Leads = "C0LEADS";
    private const string Busy = "C0BUSY";
    private const string Quiet = "C0QUIET";

    // Wednesday 4 March 2026, 12:00 UTC; the workspace works 09:00–17:00 Mon–Fri UTC with response-time 4h.
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private EmulatedSlackApp _env = null!;

    [SetUp]
    public async Task Start()
    {
        _env = await EmulatedSlackApp.StartAsync(time: new FakeTimeProvider(Now));
        _env.Slack.Workspace.AddChannel(Leads, "team-leads", _env.Slack.BotUserId);
        _env.Slack.Workspace.AddChannel(Busy, "busy", _env.Slack.BotUserId);
        await SeedAsync();
    }

    [TearDown]
    public async Task Stop() => await _env.DisposeAsync();

    [Test]
    public async Task DigestNow_BusyChannel_PostsFiguresAndSummarisesTheOpenAsks()
    {
        var reply = await Commands.HandleAsync(Parse("digest <#C0LEADS|team-leads> now <#C0BUSY|busy>"), Invocation(), CancellationToken.None);

        Assert.That(reply.Text, Is.EqualTo("Posted a digest to <#C0LEADS>."));
        var post = _env.Slack.Calls.Single(c => c.Method == "chat.postMessage" && (string?)c.Args["channel"] == Leads);
        var blocks = post.Args["blocks"]!.AsArray();
        var text = string.Join("\n", Texts(blocks));
        Assert.That(blocks, Has.Count.LessThanOrEqualTo(BlockLimits.BlocksPerMessage));
        Assert.That(Texts(blocks).Select(t => t.Length), Has.All.LessThanOrEqualTo(BlockLimits.SectionText));

        // The default period of a first digest is the day before: Tue 12:00 to Wed 12:00.
        Assert.That(text, Does.Contain("*Asks opened*\n3 (-297)"), "two answered and one open yesterday; 300 the day before");
        Assert.That(text, Does.Contain("*Answered*\n2"));
        Assert.That(text, Does.Contain("*Still open*\n302 (+1)"));
        Assert.That(text, Does.Contain("*Answered within response time*\n33% of 3"));
        Assert.That(text, Does.Contain("*Median time to first reply*\n3h 00m"), "(1h + 5h) / 2");
        Assert.That(text, Does.Contain("*Oldest open asks* (302)"));
        Assert.That(text, Does.Contain("_and 292 more open asks_"));
        Assert.That(text, Does.Contain("“Is the &lt;staging&gt; deploy &amp; rollback plan written down?” in <#C0BUSY> from <@U0ANA>"), "oldest first, kept as Slack escaped it, no permalink for a message Slack does not have");
        Assert.That(text, Does.Contain("*Decisions recorded* (1)"));
        Assert.That(text, Does.Contain("overdue 2, context 1"));
        Assert.That(text, Does.Not.Contain("quiet channel"), "only the covered channel");
    }

    [Test]
    public async Task Stats_Workspace30Days_IsAnEphemeralReplyWithTheSameFigures()
    {
        var reply = await Commands.HandleAsync(Parse("stats 30d"), Invocation(), CancellationToken.None);

        Assert.That(reply.Text, Does.StartWith("Response-time stats, last 30 days: 305 asks opened, 3 answered, 302 still open"));
        var message = reply.ToSlackMessage();
        Assert.That((string?)message["response_type"], Is.EqualTo("ephemeral"));
        Assert.That(message["blocks"]!.AsArray(), Has.Count.LessThanOrEqualTo(BlockLimits.BlocksPerMessage));
        Assert.That(_env.Slack.Calls.Any(c => c.Method == "chat.postMessage"), Is.False, "stats are never posted to a channel");
    }

    [Test]
    public async Task Stats_OneChannel_CoversOnlyThatChannel()
    {
        var reply = await Commands.HandleAsync(Parse("stats <#C0QUIET|quiet> 7d"), Invocation(), CancellationToken.None);

        Assert.That(reply.Text, Does.StartWith("Response-time stats, last 7 days: 1 asks opened, 1 answered, 0 still open, 100% within response time, median first reply 20m"));
    }

    [Test]
    public async Task Digest_HandTypedChannelNameNotFound_RefusedAndNothingScheduled()
    {
        // /norms looks hand-typed names up first (HandTypedNames); one that reaches here names no channel NormBot can see.
        var reply = await Commands.HandleAsync(Parse("digest #team-leads daily 09:00"), Invocation(), CancellationToken.None);

        Assert.That(reply.Text, Does.Contain("can't find a channel called #team-leads").And.Contain("Slack's suggestions"));
        Assert.That(await Commands.ScheduleLinesAsync(Team, CancellationToken.None), Is.Empty);
    }

    [Test]
    public void Parse_InvalidCron_ReplyNamesTheField()
    {
        var result = NormsCommandParser.Parse("digest <#C0LEADS|team-leads> cron \"0 0 25 ? * MON\"");

        Assert.That(result, Is.InstanceOf<NormsParseError>());
        Assert.That(((NormsParseError)result).ToString(), Does.Contain("hour").IgnoreCase);
    }

    [Test]
    public void Parse_InvalidTime_ReplyNamesTheTime()
    {
        var result = NormsCommandParser.Parse("digest <#C0LEADS|team-leads> daily 25:00");

        Assert.That(result, Is.InstanceOf<NormsParseError>());
        Assert.That(((NormsParseError)result).ToString(), Does.Contain("25:00"));
    }

    private DigestCommands Commands => _env.App.Services.GetRequiredService<DigestCommands>();

    private async Task SeedAsync()
    {
        static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
        var tuesday = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var monday = tuesday.AddDays(-1);
        var asks = new List<object>
        {
            // Yesterday (Tue 12:00 – Wed 12:00): one answered in 1h, one in 5h (late), one still open.
            Ask(Busy, "1772539200.000100", "U0BOB", "Can someone review the billing PR?", "answered", Ms(tuesday.AddHours(13)), Ms(tuesday.AddHours(14))),
            Ask(Busy, "1772539300.000100", "U0BOB", "Who owns the flaky login test?", "answered", Ms(tuesday.AddHours(13)), Ms(Now.AddHours(-2))),
            Ask(Busy, "1772539400.000100", "U0BOB", "Any news on the vendor contract?", "open", Ms(tuesday.AddHours(15)), null),

            // The oldest open ask, with the characters mrkdwn escapes, as Slack delivers them.
            Ask(Busy, "1772400000.000100", "U0ANA", "Is the &lt;staging&gt; deploy &amp; rollback plan written down?", "open", Ms(monday.AddHours(9)), null),

            // Another channel, not covered by the digest to #team-leads.
            Ask(Quiet, "1772539500.000100", "U0BOB", "quiet channel question", "answered", Ms(tuesday.AddHours(10)), Ms(tuesday.AddHours(10).AddMinutes(20))),
        };

        // The day before yesterday: three hundred asks nobody answered.
        for (var i = 0; i < 300; i++)
        {
            asks.Add(Ask(Busy, $"17724{i:00000}.000200", "U0CAROL", $"Busy question number {i} about the release train", "open", Ms(monday.AddHours(13)) + i, null));
        }

        await using var connection = await _env.App.Services.GetRequiredService<Db>().OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO asks (team_id, channel_id, ts, thread_ts, asker_id, excerpt, state, opened_at, first_reply_at, resolved_at, resolved_by)
            VALUES (@TeamId, @ChannelId, @Ts, NULL, @AskerId, @Excerpt, @State, @OpenedAt, @FirstReplyAt, @FirstReplyAt, NULL)
            """, asks, tx);
        await connection.ExecuteAsync(
            "INSERT INTO decisions (team_id, channel_id, ts, user_id, at, excerpt) VALUES (@TeamId, @ChannelId, @Ts, 'U0LEAD', @At, @Excerpt)",
            new { TeamId = Team, ChannelId = Busy, Ts = "1772540000.000100", At = Ms(Now.AddHours(-3)), Excerpt = "Decision: release train leaves Thursdays" }, tx);
        var nudges = new[] { ("n1", "overdue", -1), ("n2", "overdue", -2), ("n3", "context", -3), ("n4", "misroute", -30) };
        await connection.ExecuteAsync(
            "INSERT INTO nudges (team_id, id, user_id, rule, channel_id, message_ts, at, outcome) VALUES (@TeamId, @Id, 'U0BOB', @Rule, @ChannelId, '1.1', @At, NULL)",
            nudges.Select(n => new { TeamId = Team, Id = n.Item1, Rule = n.Item2, ChannelId = Busy, At = Ms(Now.AddHours(n.Item3)) }), tx);

        // Written behind the stores' back: the channels' day sums are worked out from the rows, as retention does.
        await ChannelDays.RebuildAsync(connection, tx, long.MaxValue);
        await tx.CommitAsync();
    }

    private static object Ask(string channel, string ts, string asker, string excerpt, string state, long openedAt, long? firstReplyAt) =>
        new { TeamId = Team, ChannelId = channel, Ts = ts, AskerId = asker, Excerpt = excerpt, State = state, OpenedAt = openedAt, FirstReplyAt = firstReplyAt };

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key == "text" || p.Value is not JsonValue).SelectMany(p => Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static NormsCommand Parse(string text) => NormsCommandParser.Parse(text) is NormsCommand command
        ? command
        : throw new AssertionException($"\"{text}\" did not parse");

    private static SlashCommand Invocation() => new(Team, Leads, "team-leads", "U0LEAD", "lead", "/norms", "", null, null);
}
