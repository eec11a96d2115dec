using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Protocols.Commands;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Slack.Inbox;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Protocols.Commands;

/// <summary><c>/norms preview set …</c> (PRODUCT §16): the last 7 days replayed under a proposed value; nothing changes.</summary>
public sealed class PreviewTests : RulesTestBase
{
    // Completed: commands pass straight through. A test that wants a preview slower than Slack's window swaps in its own.
    private TaskCompletionSource _release = Released();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<ISlashCommandHandler>(sp => new HeldCommands(ActivatorUtilities.CreateInstance<NormsCommandHandler>(sp), () => _release.Task));

    [Test]
    public async Task ResponseTime1h_OnASeededMorning_ReportsTheRightCounts_AndChangesNothing()
    {
        // 10:00 two asks and a bare hi; Bob answers his at 11:30, Ana never answers hers; the preview comes at 13:00.
        var toBob = await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout");
        await Chat.SayAsync(TeamChat.Lead, "<@U0ANA> could you check why the nightly export job failed? https://ci.example/jobs/export");
        await Chat.SayAsync(TeamChat.Bob, "hi");
        await Chat.AdvanceAsync(TimeSpan.FromHours(1.5));
        await Chat.SayAsync(TeamChat.Bob, "Looked at it: fine by me, one comment on the retry limit.", threadTs: toBob);
        await Chat.AdvanceAsync(TimeSpan.FromHours(1.5));
        var callsBefore = Env.Slack.Calls.Count(c => c.Method.StartsWith("chat.", StringComparison.Ordinal));

        var preview = await Chat.CommandAsync(TeamChat.Lead, "preview set response-time 1h #general");

        Assert.That(preview, Does.Contain("`response-time` 4h → 1h in <#C0GENERAL>").And.Contain("Nothing was changed"));
        Assert.That(preview, Does.Contain("• Asks tracked: 2 (same)"));
        Assert.That(preview, Does.Contain("• Past due: 0 → 2"), "Bob answered after 1h30, Ana not at all");
        Assert.That(preview, Does.Contain("• Escalated: 0 → 1"), "only Ana's ask waited past 2h (escalate-after 2x)");
        Assert.That(preview, Does.Contain("escalation 0 → 1").And.Contain("missing context 1 (same)").And.Contain("overdue reminder 0 → 2"));
        Assert.That((await Chat.CommandAsync(TeamChat.Ana, "show")).Contains("response-time: 4h", StringComparison.Ordinal), Is.True, "/norms show unchanged");
        Assert.That(Env.Slack.Calls.Count(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)), Is.EqualTo(callsBefore), "a preview sends nothing");
    }

    [Test]
    public async Task MinWords4_FourWordQuestionNoLongerLacksContext()
    {
        await Chat.SayAsync(TeamChat.Ana, "Is it working now?");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));
        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);

        var fewer = await Chat.CommandAsync(TeamChat.Lead, "preview set min-words 4 #general");
        var grace = await Chat.CommandAsync(TeamChat.Lead, "preview set context off #general");

        Assert.That(fewer, Does.Contain("missing context 1 → 0"));
        Assert.That(grace, Does.Contain("missing context 1 → 0"));
    }

    [Test]
    public async Task ModeObserve_NudgesMoveToWouldHaveNudged()
    {
        await Chat.SayAsync(TeamChat.Ana, "hi");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(3));

        var preview = await Chat.CommandAsync(TeamChat.Lead, "preview set mode observe");

        Assert.That(preview, Does.Contain("every channel without its own value").And.Contain("missing context 1 → 0"));
        Assert.That(preview, Does.Contain("Would have nudged (observe mode, nothing sent): 0 → 1"));
    }

    [Test]
    public async Task Member_IsRefused_KeyThatCountsNothing_IsExplained()
    {
        Assert.That(await Chat.CommandAsync(TeamChat.Ana, "preview set response-time 1h"), Does.Contain("Only leaders can use `/norms preview`"));
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "preview set welcome off"), Does.Contain("nothing to preview"));
        Assert.That(await Chat.CommandAsync(TeamChat.Lead, "preview response-time 1h"), Does.Contain("preview set response-time 1h"));
    }

    [Test]
    public async Task ResponseTime1h_SlowerThanSlacksWindow_AckedEmpty_ThenThePreviewOnceOnResponseUrl()
    {
        var toBob = await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout");
        await Chat.SayAsync(TeamChat.Lead, "<@U0ANA> could you check why the nightly export job failed? https://ci.example/jobs/export");
        await Chat.AdvanceAsync(TimeSpan.FromHours(1.5));
        await Chat.SayAsync(TeamChat.Bob, "Looked at it: fine by me, one comment on the retry limit.", threadTs: toBob);
        await Chat.AdvanceAsync(TimeSpan.FromHours(1.5));
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fields = SlackPayloads.SlashCommand("preview set response-time 1h #general", TeamChat.Lead, TeamChat.General, EmulatedSlackApp.TeamId);
        fields["response_url"] = Env.Slack.CreateResponseUrl();
        using var client = Env.CreateClient();

        // The front door waits for the reply on the app's clock; once Slack's window has passed on it, it answers alone.
        var sending = client.SendAsync(SignedRequests.Form("/slack/command", fields, Env.Time.GetUtcNow()));
        await Clock.TimerDueAsync(Env.Time.GetUtcNow() + SlackIntake.ReplyBudget);
        Env.Time.Advance(SlackIntake.ReplyBudget);
        using var ack = await sending;
        var ackBody = await ack.Content.ReadAsStringAsync();
        _release.SetResult();
        var late = await WaitForAsync("response_url");
        await Chat.ProcessedAsync();

        Assert.That(ack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ackBody, Is.Empty, "the preview was not ready within the window, so the acknowledgement carries no reply");
        Assert.That(Calls("response_url").Count(), Is.EqualTo(1), "the late preview reaches the leader once");
        Assert.That(Arg(late, "response_type"), Is.EqualTo("ephemeral"));
        Assert.That(Arg(late, "text"), Does.Contain("`response-time` 4h → 1h in <#C0GENERAL>").And.Contain("• Past due: 0 → 2").And.Contain("• Escalated: 0 → 1"));
        Assert.That(late.Args["blocks"]?[0]?["text"]?["text"]?.GetValue<string>(), Does.Contain("• Past due: 0 → 2"), "the blocks carry the preview too");
        Assert.That(await Chat.CommandAsync(TeamChat.Ana, "show"), Does.Contain("response-time: 4h"), "/norms show unchanged");
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    /// <summary>The test host's decorator of the real <c>/norms</c> handler: holds each command until the test releases it.</summary>
    private sealed class HeldCommands(ISlashCommandHandler inner, Func<Task> released) : ISlashCommandHandler
    {
        public async Task<JsonObject?> HandleAsync(SlashCommand command, CancellationToken ct)
        {
            await released().WaitAsync(ct);
            return await inner.HandleAsync(command, ct);
        }
    }
}
