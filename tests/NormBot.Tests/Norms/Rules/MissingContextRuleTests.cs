using Dapper;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

public sealed class MissingContextRuleTests : RulesTestBase
{
    [Test]
    public async Task BareGreeting_NoFollowUpWithinGrace_AuthorGetsOneEphemeralNudge()
    {
        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.That(Calls("chat.postEphemeral"), Is.Empty, "the nudge waits out context-grace (1m)");
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(45));

        var nudge = await WaitForAsync("chat.postEphemeral");
        Assert.That(Arg(nudge, "user"), Is.EqualTo(TeamChat.Ana));
        Assert.That(Arg(nudge, "channel"), Is.EqualTo(TeamChat.General));
        Assert.That(Arg(nudge, "text"), Does.Contain("greeting on its own"));
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items);
    }

    [Test]
    public async Task BareGreeting_FollowUpMessageWithinGrace_NoNudge()
    {
        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await Chat.AdvanceAsync(TimeSpan.FromSeconds(20));
        await Chat.SayAsync(TeamChat.Ana, "could you review the retry change in https://git.example/pr/12 before Thursday's release?");

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.That(Calls("chat.postEphemeral"), Is.Empty);
    }

    [Test]
    public async Task ShortQuestion_EditAddsContextWithinGrace_NoNudge()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, "quick question");
        var edit = SlackPayloads.Event("message.channels.message_changed.json", e =>
        {
            e["channel"] = TeamChat.General;
            e["message"]!["ts"] = ts;
            e["message"]!["user"] = TeamChat.Ana;
            e["message"]!["text"] = "quick question: why does `npm ci` fail on main since https://ci.example/builds/881?";
        });

        await Chat.SendEventAsync(edit);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.That(Calls("chat.postEphemeral"), Is.Empty);
    }

    [Test]
    public async Task CompleteMessage_NeverNudged()
    {
        await Chat.SayAsync(TeamChat.Ana, "Decision: we ship the billing retry on Friday after the load test in https://ci.example/run/77 passes.");

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.That(Calls("chat.postEphemeral"), Is.Empty);
    }

    [Test]
    public async Task SameEventRetried_NudgedOnce()
    {
        var ts = SlackPayloads.Message(TeamChat.General, TeamChat.Ana, "ping", NormBot.Slack.SlackTs.FromInstant(Env.Time.GetUtcNow()));
        await Chat.SendEventAsync(ts);
        await Chat.SendEventAsync(ts);
        await Chat.SendEventAsync(ts);

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(2));
        await WaitForAsync("chat.postEphemeral");
        await SettleAsync();

        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items);
    }

    [Test]
    public async Task StoreRefusesTheNudgeOnce_NudgeSentOnTheNextPass_Once()
    {
        // The store refuses to record nudges, as a database failing over would: the waiting greeting must survive the pass.
        await using (var connection = Env.App.Database())
        {
            await connection.ExecuteAsync(Env.App.OnPostgres ? RefuseNudgesPostgres : RefuseNudgesSqlite);
        }

        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        Env.Time.Advance(TimeSpan.FromSeconds(75)); // not settling: the greeting stays due while the store refuses
        Assert.That(await Eventually.TrueAsync(() => Env.App.Logs.Lines.Any(l => l.Contains("the next pass tries again", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(Calls("chat.postEphemeral"), Is.Empty, "nothing could be recorded, so nothing was sent");

        await using (var connection = Env.App.Database())
        {
            await connection.ExecuteAsync("DROP TRIGGER refuse_nudges" + (Env.App.OnPostgres ? " ON nudges" : ""));
        }

        await Chat.AdvanceAsync(TimeSpan.FromSeconds(5));
        var nudge = await WaitForAsync("chat.postEphemeral");
        Assert.That(Arg(nudge, "user"), Is.EqualTo(TeamChat.Ana));
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(2));
        await SettleAsync();
        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items);
    }

    private const string RefuseNudgesSqlite = "CREATE TRIGGER refuse_nudges BEFORE INSERT ON nudges BEGIN SELECT RAISE(ABORT, 'store unavailable'); END";

    private const string RefuseNudgesPostgres = """
        CREATE OR REPLACE FUNCTION refuse_nudge() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'store unavailable'; END $$;
        CREATE TRIGGER refuse_nudges BEFORE INSERT ON nudges FOR EACH ROW EXECUTE FUNCTION refuse_nudge();
        """;

    [Test]
    public async Task BotAndSystemMessages_Ignored()
    {
        await Chat.SendEventAsync(SlackPayloads.Event("message.channels.bot_message_subtype.json", e => e["channel"] = TeamChat.General));
        await Chat.SendEventAsync(SlackPayloads.Event("message.channels.channel_join.json", e => e["channel"] = TeamChat.General));
        await Chat.SendEventAsync(SlackPayloads.Event("message.channels.own_bot_post.json", e => e["channel"] = TeamChat.General));

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.That(Env.Slack.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)), Is.Empty);
    }
}
