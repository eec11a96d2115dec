using NormBot.Norms.Nudges;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Asks;

/// <summary>An ask to a user group waits on its members (usergroups.users.list); any member's reply answers it (PRODUCT §13).</summary>
public sealed class GroupAskTests : RulesTestBase
{
    private const string Design = "S0DESIGN1";
    private const string Priya = "U0PRIYA";
    private const string Kai = "U0KAI";
    private const string Ask = "<!subteam^S0DESIGN1|@design> can someone review the empty states in https://figma.example/es before Wednesday?";

    [SetUp]
    public void SeedGroup()
    {
        Env.Slack.Workspace.AddUser(Priya, "priya", "UTC");
        Env.Slack.Workspace.AddUser(Kai, "kai", "UTC");
        Env.Slack.Workspace.AddUser("U0FIGMABT", "figma", isBot: true);
        Env.Slack.Workspace.AddUser("U0GONE001", "gone", deleted: true);
        Env.Slack.Workspace.AddMembers(TeamChat.General, Priya, Kai);
        Env.Slack.Workspace.SetUserGroup(Design, TeamChat.Ana, Priya, Kai, "U0FIGMABT", "U0GONE001");
    }

    [Test]
    public async Task SubteamAsk_RemindsEachMember_NotTheAskerBotsOrDeactivated()
    {
        await Chat.SayAsync(TeamChat.Ana, Ask);

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == Priya);
        Assert.That(Arg(dm, "text"), Does.Contain($"<@{TeamChat.Ana}> asked you something"));
        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == Kai);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(20));
        var reminded = Calls("chat.postMessage", c => Arg(c, "channel").StartsWith('U')).Select(c => Arg(c, "channel")).Order().ToList();
        Assert.That(reminded, Is.EqualTo(new[] { Kai, Priya }), "not the asker, not the bot, not the deactivated account");
        Assert.That(Env.Slack.Calls.Count(c => c.Method == "usergroups.users.list"), Is.EqualTo(1), "the members are cached");
    }

    [Test]
    public async Task SubteamAsk_OneMemberSaysNotForMe_TheOthersAreStillReminded()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));
        var kai = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == Kai);
        await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == Priya);

        await Chat.PressAsync(Kai, NudgeActions.NotForMe, NudgeActions.Value(TeamChat.General, ts), kai.Response["channel"]!.GetValue<string>(), kai.Response["ts"]!.GetValue<string>(), ephemeral: false);

        using var connection = Env.App.Database();
        var open = Dapper.SqlMapper.Query<string>(connection, "SELECT user_id FROM ask_assignees WHERE ts = @ts AND open = 1 AND declined = 0 ORDER BY user_id", new { ts });
        Assert.That(open, Is.EqualTo(new[] { Priya }), "the ask keeps waiting on the members who did not step out");
    }

    [Test]
    public async Task AskToAGroupLargerThanThirty_WaitsOnAnyoneRemindsNobody()
    {
        var everyone = Enumerable.Range(0, NormBot.Norms.Asks.AskAddressees.MaxGroupSize + 1).Select(i => $"U0ENG{i:D4}").ToArray();
        foreach (var id in everyone)
        {
            Env.Slack.Workspace.AddUser(id, id.ToLowerInvariant(), "UTC");
        }

        Env.Slack.Workspace.SetUserGroup("S0ENGINEERING", everyone);
        var ts = await Chat.SayAsync(TeamChat.Ana, "<!subteam^S0ENGINEERING|@engineering> can someone review the empty states in https://figma.example/es?");

        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));

        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel").StartsWith('U')), Is.Empty);
        Assert.That(Calls("users.info", c => Arg(c, "user").StartsWith("U0ENG", StringComparison.Ordinal)), Is.Empty, "nobody looked up one by one");
        using var connection = Env.App.Database();
        Assert.That(Dapper.SqlMapper.ExecuteScalar<string>(connection, "SELECT user_id FROM ask_assignees WHERE ts = @ts", new { ts }), Is.EqualTo("*"));
    }

    [Test]
    public async Task SubteamAsk_ReplyFromSomeoneWhoJoinedTheGroupSince_AnswersIt()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Ask);
        var changed = SlackPayloads.ForEmulator("subteam_members_changed.json", _ => { });
        var e = changed["event"]!;
        e["subteam_id"] = Design;
        e["team_id"] = EmulatedSlackApp.TeamId;
        e["added_users"] = new System.Text.Json.Nodes.JsonArray(TeamChat.Bob);
        e["added_users_count"] = 1;
        e["removed_users"] = new System.Text.Json.Nodes.JsonArray(Kai);
        e["removed_users_count"] = 1;
        await Chat.SendEventAsync(changed);

        await Chat.SayAsync(TeamChat.Bob, "Joined design this week: the empty states look good, two comments in the file.", threadTs: ts);
        await Chat.AdvanceAsync(TimeSpan.FromHours(9));

        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") is Priya or Kai), Is.Empty, "answered by a member of the group");
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.General), Is.Empty, "and so not escalated");
    }
}
