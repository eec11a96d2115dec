using NormBot.Tests.Norms.People;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Escalations;

/// <summary>
/// Escalation chains (PRODUCT §14): with response-time 1h and escalate-after 2x, level 1 fires after 2h of the
/// assignee's working time, level 2 after 4h, level 3 after 6h.
/// </summary>
public sealed class EscalationChainTests : PeopleTimeTestBase
{
    private const string Group = "S0ENGLEAD";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Norms:Defaults:response-time"] = "1h",
        ["Norms:Leaders:0"] = TeamChat.Lead,
    };

    [Test]
    public async Task TwoLevels_Level2OnlyAfterLevel1_BothInTheAskersHome()
    {
        await Chat.CommandAsync(TeamChat.Lead, $"set escalate-to <@{TeamChat.Lead}|lead>, <#{TeamChat.Incidents}|incidents>");
        await Chat.SayAsync(TeamChat.Ana, Ask);

        await JumpToAsync(Monday10.AddHours(1.9));
        Assert.That(DmsTo(TeamChat.Lead), Is.Empty, "level 1 is due at 12:00");
        await JumpToAsync(Monday10.AddHours(2.1));
        var level1 = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Lead);
        Assert.That(Arg(level1, "text"), Does.Contain($"has waited 2h").And.Contain($"for <@{TeamChat.Bob}>"));
        Assert.That(Texts(level1.Args["blocks"]), Does.Contain("Escalation level 1 of 2: *@lead* → <#C0INCIDNT>"));
        Assert.That(Posts(TeamChat.Incidents), Is.Empty);

        await JumpToAsync(Monday10.AddHours(3.9));
        Assert.That(Posts(TeamChat.Incidents), Is.Empty, "level 2 is due at 14:00");
        await JumpToAsync(Monday10.AddHours(4.1));
        var level2 = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents);
        Assert.That(Arg(level2, "text"), Does.Contain("has waited 4h"));
        Assert.That(level2.Args["thread_ts"], Is.Null, "a channel gets a post of its own");

        await JumpToAsync(Monday10.AddDays(1));
        Assert.That((DmsTo(TeamChat.Lead).Count(), Posts(TeamChat.Incidents).Count()), Is.EqualTo((1, 1)), "two targets, two levels, once each");
        var home = await OpenHomeAsync(TeamChat.Ana);
        Assert.That(home, Does.Contain($"level 1 → <@{TeamChat.Lead}>").And.Contain($"level 2 → <#{TeamChat.Incidents}>"));
    }

    [Test]
    public async Task AnsweredAfterLevel1_ChainStops()
    {
        await Chat.CommandAsync(TeamChat.Lead, $"set escalate-to <@{TeamChat.Lead}|lead>, <#{TeamChat.Incidents}|incidents>");
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await JumpToAsync(Monday10.AddHours(2.1));
        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Lead);

        await Chat.SayAsync(TeamChat.Bob, "Sorry, on it now: comments in the doc within the hour.", threadTs: ts);
        await JumpToAsync(Monday10.AddHours(6));

        Assert.That(Posts(TeamChat.Incidents), Is.Empty);
        Assert.That(await OpenHomeAsync(TeamChat.Ana), Does.Contain("None of your asks is waiting"));
    }

    [Test]
    public async Task PersonLevelWhileAway_SkippedAndTheGroupLevelFiresAtOnceInTheThread()
    {
        await Chat.CommandAsync(TeamChat.Lead, $"set escalate-to <@{TeamChat.Lead}|lead>, <!subteam^{Group}|@eng-leads>");
        Env.Slack.Workspace.SetStatus(TeamChat.Lead, ":airplane:", "Flying to the offsite");
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);

        await JumpToAsync(Monday10.AddHours(2.1));

        var post = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.General && Arg(c, "thread_ts") == ts);
        Assert.That(Arg(post, "text"), Does.StartWith($"<!subteam^{Group}>").And.Contain("has waited 2h"));
        Assert.That(DmsTo(TeamChat.Lead), Is.Empty, "not while flying");
        Assert.That(await OpenHomeAsync(TeamChat.Ana), Does.Contain($"level 1 → <@{TeamChat.Lead}> (skipped, away)").And.Contain($"level 2 → <!subteam^{Group}>"));
    }

    [Test]
    public async Task PersonLevelOutsideTheirHours_DmWaitsForTheirMorning()
    {
        Env.Slack.Workspace.AddUser(TeamChat.Lead, "lead", "Asia/Kolkata");
        await Chat.CommandAsync(TeamChat.Lead, $"set escalate-to <@{TeamChat.Lead}|lead>");
        await Chat.AdvanceAsync(TimeSpan.FromHours(2)); // Monday 12:00 UTC, 17:30 in Kolkata
        await Chat.SayAsync(TeamChat.Ana, Ask);

        await JumpToAsync(Monday10.AddHours(4.2)); // level 1 due at 14:00 UTC, 19:30 for the lead
        Assert.That(DmsTo(TeamChat.Lead), Is.Empty);
        await JumpToAsync(Local("2026-11-24 08:55", "Asia/Kolkata"));
        Assert.That(DmsTo(TeamChat.Lead), Is.Empty, "held until the lead's working day");
        await JumpToAsync(Local("2026-11-24 09:05", "Asia/Kolkata"));

        Assert.That(await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Lead), Is.Not.Null);
    }

    private IEnumerable<NormBot.SlackEmulator.RecordedCall> Posts(string channel) => Calls("chat.postMessage", c => Arg(c, "channel") == channel);

    private async Task<string> OpenHomeAsync(string user)
    {
        Env.Slack.ClearCalls();
        await Chat.SendEventAsync(SlackPayloads.Event("app_home_opened.json", e =>
        {
            e["user"] = user;
            e["tab"] = "home";
        }));
        var call = await WaitForAsync("views.publish", c => Arg(c, "user_id") == user);
        return string.Join('\n', Texts(call.Args["view"]!["blocks"]));
    }

    /// <summary>The text of every section and context block, as a reader sees them.</summary>
    private static IEnumerable<string> Texts(System.Text.Json.Nodes.JsonNode? blocks) =>
        blocks!.AsArray().SelectMany(b => new[] { b?["text"] }.Concat(b?["elements"]?.AsArray() ?? []))
            .Select(t => t?["text"] switch
            {
                System.Text.Json.Nodes.JsonValue text => text.GetValue<string>(),
                System.Text.Json.Nodes.JsonObject button => (string?)button["text"], // a button's label
                _ => null,
            }).OfType<string>();
}
