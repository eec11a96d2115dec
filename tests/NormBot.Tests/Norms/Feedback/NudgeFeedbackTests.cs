using System.Text.Json.Nodes;
using NormBot.Norms.Feedback;
using NormBot.SlackEmulator;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Feedback;

/// <summary>Every nudge and reminder carries Why? and Not helpful (PRODUCT §13), and the records reach /norms stats.</summary>
public sealed class NudgeFeedbackTests : RulesTestBase
{
    private const string Ask = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    [Test]
    public async Task EveryKindOfNudge_CarriesWhyAndNotHelpful()
    {
        await Chat.SayAsync(TeamChat.Bob, "quick question");
        await Chat.SayAsync(TeamChat.Lead, "URGENT: checkout is down for EU customers since 09:40 https://grafana.example/d/checkout");
        await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.SayAsync(TeamChat.Lead, "Does anyone know who owns the nightly export job these days? It failed twice https://ci.example/jobs/export");

        await Chat.AdvanceAsync(TimeSpan.FromHours(25)); // the escalations are due at 10:00 the next day

        var nudges = new Dictionary<string, RecordedCall>
        {
            ["context"] = await WaitForAsync("chat.postEphemeral", c => Arg(c, "text").StartsWith("Your message in", StringComparison.Ordinal)),
            ["misroute"] = await WaitForAsync("chat.postEphemeral", c => Arg(c, "text").StartsWith("This looks urgent", StringComparison.Ordinal)),
            ["overdue"] = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob),
            ["escalation"] = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.General && Arg(c, "text").Contains("has waited", StringComparison.Ordinal)),
            ["unanswered"] = await WaitForAsync("chat.postEphemeral", c => Arg(c, "text").StartsWith("Nobody has picked up", StringComparison.Ordinal)),
        };
        Assert.Multiple(() =>
        {
            foreach (var (rule, call) in nudges)
            {
                var labels = Buttons(call).Select(b => b["text"]!["text"]!.GetValue<string>()).ToList();
                Assert.That(labels, Does.Contain("Why?"), rule);
                Assert.That(labels, Does.Contain(rule == "misroute" ? "Not urgent" : "Not helpful"), rule);
            }
        });
    }

    [Test]
    public async Task WhyOnAReminder_SaysTheRuleTheValuesWhoSetsThemAndHowToSnooze()
    {
        await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);

        await PressAsync(TeamChat.Bob, dm, "Why?");

        var why = await WaitForAsync("response_url");
        Assert.That(why.Args["replace_original"]!.GetValue<bool>(), Is.False, "the reminder stays");
        Assert.That(Arg(why, "text"), Does.Contain("*Replies on time.*").And.Contain("`response-time` 4h").And.Contain("`hours` 09:00-17:00"));
        Assert.That(Arg(why, "text"), Does.Contain($"said to <@{TeamChat.Bob}>"), "what made it an ask of Bob");
        Assert.That(Arg(why, "text"), Does.Contain($"<@{TeamChat.Lead}>").And.Contain("/norms snooze 1d"));
    }

    [Test]
    public async Task NotHelpfulOnAReminder_RecordedStopsRemindingAndShowsInStats()
    {
        await Chat.SayAsync(TeamChat.Ana, Ask);
        await Chat.AdvanceAsync(TimeSpan.FromHours(4.2));
        var dm = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Bob);

        await PressAsync(TeamChat.Bob, dm, "Not helpful");

        var replaced = await WaitForAsync("chat.update", c => Arg(c, "ts") == dm.Response["ts"]!.GetValue<string>());
        Assert.That(Arg(replaced, "text"), Does.Contain("noted as not helpful").And.Contain("won't be reminded"));
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(1));
        var stats = await Chat.CommandReplyAsync(TeamChat.Lead, "stats");
        Assert.That(stats["text"]!.GetValue<string>(), Does.Contain($"overdue reminder in <#{TeamChat.General}>: 1 nudge, 1 not helpful (100%)"));
        Assert.That(stats["blocks"]!.ToJsonString(), Does.Contain(NudgeFeedbackBlocks.Title));
    }

    [Test]
    public async Task WhyAndNotHelpfulOnAContextTip_ExplainReplaceAndCount()
    {
        await Chat.SayAsync(TeamChat.Ana, "hi <@U0BOB>");
        await Chat.SayAsync(TeamChat.Lead, "ping");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(2));
        var tip = await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Ana);
        await WaitForAsync("chat.postEphemeral", c => Arg(c, "user") == TeamChat.Lead);

        await PressAsync(TeamChat.Ana, tip, "Why?");
        var why = await WaitForAsync("response_url");
        await PressAsync(TeamChat.Ana, tip, "Not helpful");

        Assert.That(Arg(why, "text"), Does.Contain("*Missing context.*").And.Contain("`min-words` 6").And.Contain("`context-grace` 1m").And.Contain("a greeting on its own"));
        var replaced = await WaitForAsync("response_url", c => c.Args["replace_original"]?.GetValue<bool>() == true);
        Assert.That(Arg(replaced, "text"), Does.Contain("noted as not helpful"));
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(1));
        var stats = await Chat.CommandAsync(TeamChat.Ana, "stats");
        Assert.That(stats, Does.Contain($"missing context in <#{TeamChat.General}>: 2 nudges, 1 not helpful (50%)"));
    }

    [Test]
    public async Task NotUrgentOnAMisrouteNudge_CountsAsNotHelpfulInStats()
    {
        await Chat.SayAsync(TeamChat.Ana, "The sev1 runbook still points at the old pager number, fixing the link in https://wiki.example/sev1");
        var nudge = await WaitForAsync("chat.postEphemeral");

        await PressAsync(TeamChat.Ana, nudge, "Not urgent");
        await WaitForAsync("response_url");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(1));

        var stats = await Chat.CommandAsync(TeamChat.Lead, "stats");
        Assert.That(stats, Does.Contain($"misrouted topic in <#{TeamChat.General}>: 1 nudge, 1 not helpful (100%)"));
    }

    private Task PressAsync(string user, RecordedCall nudge, string label)
    {
        var button = Buttons(nudge).Single(b => b["text"]!["text"]!.GetValue<string>() == label);
        var ephemeral = nudge.Method == "chat.postEphemeral";
        var channel = ephemeral ? Arg(nudge, "channel") : nudge.Response["channel"]!.GetValue<string>();
        var ts = ephemeral ? nudge.Response["message_ts"]!.GetValue<string>() : nudge.Response["ts"]!.GetValue<string>();
        return Chat.PressAsync(user, button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>(), channel, ts, ephemeral);
    }

    private static List<JsonObject> Buttons(RecordedCall call) =>
        [.. call.Args["blocks"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())];
}
