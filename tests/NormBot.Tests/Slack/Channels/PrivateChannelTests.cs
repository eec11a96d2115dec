using System.Text.Json.Nodes;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Channels;

/// <summary>PRODUCT §12 "Private stays private": a private channel's words reach only its members; figures are still counted.</summary>
public sealed class PrivateChannelTests : RulesTestBase
{
    private const string Secret = "G0SECRET1";
    private const string PrivateAsk = "<@U0LEAD> can you approve the salary bands for the reorg before Friday?";
    private const string PublicAsk = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday?";

    [SetUp]
    public async Task SeedPrivateChannelAsync()
    {
        Env.Slack.Workspace.AddChannel(Secret, "reorg", Env.Slack.BotUserId, TeamChat.Ana, TeamChat.Lead);
        await Chat.SayAsync(TeamChat.Ana, PrivateAsk, Secret);
        await Chat.SayAsync(TeamChat.Ana, PublicAsk);
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(5)); // digests and stats cover up to now, exclusive
    }

    [Test]
    public async Task Stats_NonMemberOfPrivateChannel_SeesFiguresButNotItsWords()
    {
        var reply = (await Chat.CommandReplyAsync(TeamChat.Bob, "stats")).ToJsonString();

        Assert.That(reply, Does.Contain("billing retry"), "the public ask is quoted");
        Assert.That(reply, Does.Not.Contain("salary"), "Bob is not in #reorg");
        Assert.That(reply, Does.Contain("1 of these come from private channels"), "counted, not quoted");
    }

    [Test]
    public async Task Stats_MemberOfPrivateChannel_SeesItsWords()
    {
        var reply = (await Chat.CommandReplyAsync(TeamChat.Lead, "stats")).ToJsonString();

        Assert.That(reply, Does.Contain("salary bands"));
    }

    [Test]
    public async Task DigestToPublicChannel_NeverQuotesAPrivateChannel_EvenWhenTheLeaderIsAMember()
    {
        await Chat.CommandAsync(TeamChat.Lead, $"digest <#{TeamChat.General}|general> now");

        var digest = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.General);
        Assert.That(digest.Args.ToJsonString(), Does.Contain("billing retry").And.Not.Contain("salary"));
        Assert.That(digest.Args.ToJsonString(), Does.Contain("come from private channels"));
    }

    [Test]
    public async Task DigestToThePrivateChannelItself_QuotesIt()
    {
        await Chat.CommandAsync(TeamChat.Lead, $"digest <#{Secret}|reorg> now");

        var digest = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == Secret);
        Assert.That(digest.Args.ToJsonString(), Does.Contain("salary bands"));
    }

    [Test]
    public async Task Home_AssigneeWhoIsNotAMember_DoesNotSeeThePrivateAsk()
    {
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> could you send me the salary spreadsheet for the reorg today?", Secret);

        var bobs = (await OpenHomeAsync(TeamChat.Bob)).ToJsonString();
        var leads = (await OpenHomeAsync(TeamChat.Lead)).ToJsonString();

        Assert.That(bobs, Does.Contain("billing retry").And.Not.Contain("salary"));
        Assert.That(leads, Does.Contain("salary bands"), "the lead is a member of #reorg");
    }

    [Test]
    public async Task OverdueDm_ToAssigneeWhoIsNotAMember_WithholdsTheWords()
    {
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> could you send me the salary spreadsheet for the reorg today?", Secret);

        await Chat.AdvanceAsync(TimeSpan.FromHours(4));

        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob && Arg(c, "blocks").Contains(Secret, StringComparison.Ordinal));
        Assert.That(Arg(dm, "blocks"), Does.Not.Contain("salary").And.Contain("stay in the private channel"));
        var leads = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Lead);
        Assert.That(Arg(leads, "blocks"), Does.Contain("salary bands"), "the lead is a member of #reorg");
    }

    [Test]
    public async Task Stats_SlackCannotSayWhoReadsAPrivateChannel_ItsWordsStayHidden()
    {
        Env.Slack.Inject("conversations.members", NormBot.SlackEmulator.EmulatedFault.Error("missing_scope"), int.MaxValue); // e.g. groups:read not granted

        var reply = (await Chat.CommandReplyAsync(TeamChat.Lead, "stats")).ToJsonString();

        Assert.That(reply, Does.Contain("billing retry"), "public channels need no membership");
        Assert.That(reply, Does.Not.Contain("salary").And.Contain("come from private channels"), "unknown members: hidden, not leaked");
    }

    [TestCase(false, TestName = "Stats_AsksInManyChannels_OneListingAnswersForAll_PrivateWordsStillHidden")]
    [TestCase(true, TestName = "Stats_AsksInManyChannels_ListingFails_EachAskedAbout_PrivateWordsStillHidden")]
    public async Task Stats_AsksInManyChannels(bool listingFails)
    {
        for (var c = 0; c < 6; c++)
        {
            Env.Slack.Workspace.AddChannel($"C0MANY{c:D3}", $"service-{c}", Env.Slack.BotUserId, TeamChat.Ana, TeamChat.Bob);
            await Chat.SayAsync(TeamChat.Ana, $"<@U0BOB> can you check the deploy notes for service {c} before Thursday?", $"C0MANY{c:D3}");
        }

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(5));
        if (listingFails)
        {
            Env.Slack.Inject("conversations.list", NormBot.SlackEmulator.EmulatedFault.Error("internal_error"), int.MaxValue);
        }

        var (lists, infos) = (Calls("conversations.list").Count(), Calls("conversations.info").Count());
        var reply = (await Chat.CommandReplyAsync(TeamChat.Bob, "stats")).ToJsonString();

        Assert.That(reply, Does.Contain("deploy notes"));
        Assert.That(reply, Does.Not.Contain("salary").And.Contain("1 of these come from private channels"));
        Assert.That(Calls("conversations.list").Count() - lists, Is.GreaterThanOrEqualTo(1), "the listing was tried");
        Assert.That(Calls("conversations.info").Count() - infos, listingFails ? Is.EqualTo(8) : Is.Zero, "8 channels with open asks: none asked about alone unless the listing failed");
    }

    private async Task<JsonObject> OpenHomeAsync(string user)
    {
        var before = Calls("views.publish").Count();
        await Chat.SendEventAsync(SlackPayloads.Event("app_home_opened.json", e =>
        {
            e["user"] = user;
            e["tab"] = "home";
        }));
        var call = await Env.Slack.WaitForCallAsync("views.publish", c => Arg(c, "user_id") == user && Calls("views.publish").Count() > before, TimeSpan.FromSeconds(10));
        return call.Args;
    }
}
