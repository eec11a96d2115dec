using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Asks;

/// <summary>An ask to nobody in particular that nobody answers gets one private note to its asker (PRODUCT §13).</summary>
public sealed class UnassignedAskFollowUpTests : RulesTestBase
{
    private const string Anyone = "Anyone know why the staging certs expired again? Builds fail with `x509: certificate has expired` https://ci.example/builds/77";

    [Test]
    public async Task UnansweredAnyone_AfterResponseTime_OnePrivateNoteToTheAskerWithATip()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Anyone);

        await Chat.AdvanceAsync(TimeSpan.FromHours(3.8));
        Assert.That(Calls("chat.postEphemeral"), Is.Empty, "not before response-time (4h)");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(20));

        var note = await WaitForAsync("chat.postEphemeral");
        Assert.That((Arg(note, "user"), Arg(note, "channel")), Is.EqualTo((TeamChat.Ana, TeamChat.General)));
        Assert.That(Arg(note, "text"), Does.Contain("Nobody has picked up your question"));
        Assert.That(note.Args["blocks"]!.ToJsonString(), Does.Contain("mentioning the person who knows, or a group"));
        await Chat.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(1).Items, "once");
        Assert.That(Calls("chat.postMessage", c => Arg(c, "channel") == TeamChat.General && Arg(c, "thread_ts") != ts), Is.Empty, "never in the channel for all to see");
    }

    [Test]
    public async Task AnyoneAnsweredInTheThread_NoNote()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, Anyone);
        await Chat.SayAsync(TeamChat.Bob, "The cert-manager renewal job was paused during the migration, re-enabled it.", threadTs: ts);

        await Chat.AdvanceAsync(TimeSpan.FromHours(5));

        Assert.That(Calls("chat.postEphemeral"), Is.Empty);
    }

    [Test]
    public async Task DueBeforeTheAskersWorkingHours_NoteWaitsForTheirMorning()
    {
        Env.Slack.Workspace.AddUser("U0LOSANG1", "lee", "America/Los_Angeles");
        Env.Slack.Workspace.AddMembers(TeamChat.General, "U0LOSANG1");
        await Chat.SayAsync("U0LOSANG1", Anyone); // 02:00 in Los Angeles; due 14:00 UTC, 06:00 there

        await Chat.AdvanceAsync(TimeSpan.FromHours(6.5)); // 16:30 UTC = 08:30 in Los Angeles
        Assert.That(Calls("chat.postEphemeral"), Is.Empty, "held until Lee's working hours");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(40)); // 09:10 there

        var note = await WaitForAsync("chat.postEphemeral");
        Assert.That(Arg(note, "user"), Is.EqualTo("U0LOSANG1"));
    }
}
