using System.Text.Json.Nodes;
using Dapper;
using NormBot.Norms;
using NormBot.Norms.Feedback;
using NormBot.Protocols.Home;
using NormBot.Storage;
using NormBot.Tests.TestSupport;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Home;

/// <summary>app_home_opened → views.publish of the Home tab (PRODUCT §8), checked on what the emulator received.</summary>
public sealed class HomeTabTests
{
    private NormsTestApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await NormsTestApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task AppHomeOpened_SeededAskAssignedToYou_ListedUnderWaitsOnYou()
    {
        // Working time is wall time here, so the overdue scan (which recomputes a due time from the protocol) agrees
        // with the seeded "due an hour ago" whenever it runs before the tab opens.
        await _app.DisposeAsync();
        _app = await NormsTestApp.StartAsync(settings: new Dictionary<string, string?> { ["Norms:Defaults:hours"] = "always", ["Norms:Defaults:days"] = "mon-sun" });
        var now = _app.Env.Time.GetUtcNow();
        await SeedAskAsync(General, "1700000000.000100", OtherMember, "Can you review the Q3 budget sheet?", now.AddHours(-5), Member, now.AddHours(-1));
        await SeedAskAsync(Support, "1700000000.000200", OtherMember, "Newer question for you", now.AddHours(-1), Member, now.AddHours(3));

        var text = await OpenHomeAsync(Member);

        var waits = Section(text, HomeViewBuilder.WaitsOnYouTitle, HomeViewBuilder.YourAsksTitle);
        Assert.That(waits, Does.Contain("Can you review the Q3 budget sheet?").And.Contain($"<@{OtherMember}> asked 5h ago").And.Contain("*overdue by 1h*"));
        Assert.That(waits, Does.Contain($"https://slack.com/app_redirect?channel={General}&message_ts=1700000000.000100"));
        Assert.That(waits.IndexOf("Q3 budget", StringComparison.Ordinal), Is.LessThan(waits.IndexOf("Newer question", StringComparison.Ordinal)), "oldest first");
    }

    [Test]
    public async Task AppHomeOpened_YourOwnOpenAsk_ListedWithWhoItWaitsOn()
    {
        var now = _app.Env.Time.GetUtcNow();
        await SeedAskAsync(General, "1700000000.000300", Member, "Who owns the deploy script?", now.AddHours(-2), OtherMember, now.AddHours(2));

        var text = await OpenHomeAsync(Member);

        var mine = Section(text, HomeViewBuilder.YourAsksTitle, HomeViewBuilder.ProtocolTitle);
        Assert.That(mine, Does.Contain("Who owns the deploy script?").And.Contain($"waiting on <@{OtherMember}>").And.Contain("due in 2h"));
        Assert.That(Section(text, HomeViewBuilder.WaitsOnYouTitle, HomeViewBuilder.YourAsksTitle), Does.Contain("Nothing is waiting on you"));
    }

    [Test]
    public async Task AppHomeOpened_AnsweredOrClosedAsks_NotListed()
    {
        var now = _app.Env.Time.GetUtcNow();
        await SeedAskAsync(General, "1700000000.000400", OtherMember, "Already answered", now.AddHours(-3), Member, now, state: "answered");

        var text = await OpenHomeAsync(Member);

        Assert.That(text, Does.Not.Contain("Already answered"));
    }

    [Test]
    public async Task AppHomeOpened_Member_SeesWorkspaceNormsButNoLeaderView()
    {
        await _app.SendAsync(Admin, "set response-time 2h");
        await _app.SendAsync(Admin, $"set hours always <#{Support}|support>");

        var text = await OpenHomeAsync(Member);

        Assert.That(Section(text, HomeViewBuilder.ProtocolTitle, null), Does.Contain("`response-time` 2h").And.Contain("`hours` 09:00-17:00"));
        Assert.That(text, Does.Not.Contain(HomeViewBuilder.ChannelsTitle));
    }

    [Test]
    public async Task AppHomeOpened_Leader_SeesChannelOverridesAndSlowestChannels()
    {
        var now = _app.Env.Time.GetUtcNow();
        await _app.SendAsync(Admin, $"set hours always <#{Support}|support>");
        await SeedAskAsync(Support, "1700000000.000500", Member, "Slow one", now.AddHours(-6), OtherMember, now.AddHours(-2));

        var text = await OpenHomeAsync(ConfiguredLeader);

        Assert.That(Section(text, HomeViewBuilder.ChannelsTitle, HomeViewBuilder.SlowestTitle), Does.Contain($"<#{Support}> (nudging): hours always"));
        Assert.That(Section(text, HomeViewBuilder.SlowestTitle, null), Does.Contain($"<#{Support}>: 6h on average").And.Contain("1 still unanswered"));
    }

    [Test]
    public async Task AppHomeOpened_Leader_SeesEachRulesNudgesAndNotHelpfulRatePerChannel()
    {
        var now = _app.Env.Time.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            await SeedNudgeAsync("context", General, now.AddHours(-i - 1), i == 0 ? "not_helpful" : null);
        }

        await SeedNudgeAsync("misroute", Support, now.AddHours(-2), "dismissed"); // "Not urgent", as older builds recorded it
        await SeedNudgeAsync("overdue", Support, now.AddDays(-9), "not_helpful"); // before this week

        var leader = await OpenHomeAsync(ConfiguredLeader);
        var member = await OpenHomeAsync(Member);

        var section = Section(leader, NudgeFeedbackBlocks.Title, null);
        Assert.That(section, Does.Contain($"missing context in <#{General}>: 4 nudges, 1 not helpful (25%)"));
        Assert.That(section, Does.Contain($"misrouted topic in <#{Support}>: 1 nudge, 1 not helpful (100%)"));
        Assert.That(section, Does.Not.Contain("overdue reminder"));
        Assert.That(member, Does.Not.Contain(NudgeFeedbackBlocks.Title));
    }

    [Test]
    public async Task AppHomeOpened_MessagesTab_PublishesNothing()
    {
        await SendEventAsync(Member, "messages");
        await _app.Env.App.InboxDrainedAsync();

        Assert.That(_app.CallCount("views.publish"), Is.Zero);
    }

    [Test]
    public async Task AppHomeOpened_ManyAsks_ViewStaysWithinSlacksBlockLimit()
    {
        var now = _app.Env.Time.GetUtcNow();
        for (var i = 0; i < 30; i++)
        {
            await SeedAskAsync(General, $"1700000100.{i:D6}", OtherMember, $"Ask number {i}", now.AddMinutes(-60 + i), ConfiguredLeader, now.AddHours(1));
            await SeedAskAsync(Support, $"1700000200.{i:D6}", ConfiguredLeader, $"Mine number {i}", now.AddMinutes(-60 + i), OtherMember, now.AddHours(1));
        }

        await OpenHomeAsync(ConfiguredLeader);
        var view = _app.Env.Slack.Calls.Last(c => c.Method == "views.publish").Args["view"]!;

        Assert.That(view["blocks"]!.AsArray(), Has.Count.LessThanOrEqualTo(100));
        Assert.That(view.ToJsonString(), Does.Contain("Showing the oldest 10"));
    }

    private async Task<string> OpenHomeAsync(string user)
    {
        await SendEventAsync(user, "home");
        var call = await _app.Env.Slack.WaitForCallAsync("views.publish", c => c.Args["user_id"]?.GetValue<string>() == user);
        Assert.That(call.StatusCode, Is.EqualTo(200), call.ToString());
        Assert.That(_app.Env.Slack.Workspace.GetHomeView(user), Is.Not.Null);
        var view = call.Args["view"]!.AsObject();
        Assert.That(view["type"]!.GetValue<string>(), Is.EqualTo("home"));
        return string.Join('\n', view["blocks"]!.AsArray().Select(BlockText));
    }

    private async Task SendEventAsync(string user, string tab)
    {
        var body = SlackPayloads.Event("app_home_opened.json", e =>
        {
            e["user"] = user;
            e["tab"] = tab;
        });
        body["team_id"] = Team;
        using var client = _app.Env.CreateClient();
        using var response = await client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), _app.Env.Time.GetUtcNow()));
        response.EnsureSuccessStatusCode();
    }

    private static string BlockText(JsonNode? block) =>
        block?["text"]?["text"]?.GetValue<string>()
        ?? string.Join(' ', (block?["elements"] ?? block?["fields"])?.AsArray().Select(e => e?["text"] is JsonValue text ? text.GetValue<string>() : e?["text"]?["text"]?.GetValue<string>()) ?? []);

    private static string Section(string text, string title, string? nextTitle)
    {
        var start = text.IndexOf(title, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no \"{title}\" in the view");
        var end = nextTitle is null ? -1 : text.IndexOf(nextTitle, start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private async Task SeedNudgeAsync(string rule, string channel, DateTimeOffset at, string? outcome)
    {
        await using var connection = await _app.Service<Db>().OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO nudges (team_id, id, user_id, rule, channel_id, message_ts, at, outcome) VALUES (@Team, @Id, @User, @Rule, @Channel, '1700000000.000900', @At, @Outcome)",
            new { Team, Id = Guid.NewGuid().ToString("N"), User = Member, Rule = rule, Channel = channel, At = at.ToUnixTimeMilliseconds(), Outcome = outcome });
    }

    private async Task SeedAskAsync(
        string channel, string ts, string asker, string excerpt, DateTimeOffset openedAt, string assignee, DateTimeOffset dueAt, string state = "open")
    {
        const string InsertAsk = """
            INSERT INTO asks (team_id, channel_id, ts, asker_id, excerpt, state, opened_at)
            VALUES (@Team, @Channel, @Ts, @Asker, @Excerpt, @State, @OpenedAt)
            """;
        const string InsertAssignee = """
            INSERT INTO ask_assignees (team_id, channel_id, ts, user_id, due_at, escalate_at, open)
            VALUES (@Team, @Channel, @Ts, @Assignee, @DueAt, @DueAt, @Open)
            """;
        await using var connection = await _app.Service<Db>().OpenAsync();
        var args = new
        {
            Team, Channel = channel, Ts = ts, Asker = asker, Excerpt = excerpt, State = state, Assignee = assignee,
            OpenedAt = openedAt.ToUnixTimeMilliseconds(), DueAt = dueAt.ToUnixTimeMilliseconds(), Open = state == "open" ? 1 : 0,
        };
        await connection.ExecuteAsync(InsertAsk, args);
        await connection.ExecuteAsync(InsertAssignee, args);

        // Written behind the stores' back: the channel's day sums are worked out from the rows, as retention does.
        await ChannelDays.RebuildAsync(connection, null, long.MaxValue);
    }
}
