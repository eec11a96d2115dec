using NormBot.Norms.Nudges;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

public sealed class MisrouteRuleTests : RulesTestBase
{
    [Test]
    public async Task UrgentOutsideIncidents_AuthorNudgedWithButtonsNamingTheChannel()
    {
        await Chat.SayAsync(TeamChat.Ana, "URGENT: checkout is down for EU customers since 09:40, errors in https://grafana.example/d/checkout");

        var nudge = await WaitForAsync("chat.postEphemeral");

        Assert.That(Arg(nudge, "user"), Is.EqualTo(TeamChat.Ana));
        Assert.That(Arg(nudge, "text"), Does.Contain($"<#{TeamChat.Incidents}>").And.Contain("(\"urgent\", \"down\")"));
        var buttons = nudge.Args["blocks"]!.AsArray().Last()!["elements"]!.AsArray();
        Assert.That(buttons.Select(b => b!["text"]!["text"]!.GetValue<string>()), Is.EqualTo(new[] { "Post it in #incidents", "Not urgent", "Why?" }));
    }

    [Test]
    public async Task UrgentInsideIncidents_NoNudge()
    {
        await Chat.SayAsync(TeamChat.Ana, "URGENT: checkout is down for EU customers", TeamChat.Incidents);

        await SettleAsync();

        Assert.That(Calls("chat.postEphemeral"), Is.Empty);
    }

    [Test]
    public async Task Download_DoesNotMatchDown()
    {
        await Chat.SayAsync(TeamChat.Ana, "The download page for the 2.4 installer now lists checksums, see https://dl.example/2.4");

        await SettleAsync();

        Assert.That(Calls("chat.postEphemeral"), Is.Empty);
    }

    [Test]
    public async Task PostItButton_CopiesQuotedMessageWithLinkAndReplacesNudge()
    {
        const string text = "outage: payments API returns 502 since 10:02 https://status.example/p";
        var ts = Env.Slack.Workspace.AddMessage(TeamChat.General, TeamChat.Ana, text);
        await Chat.SendEventAsync(SlackPayloads.Message(TeamChat.General, TeamChat.Ana, text, ts));
        var nudge = await WaitForAsync("chat.postEphemeral");
        var post = nudge.Args["blocks"]!.AsArray().Last()!["elements"]![0]!;
        var responseUrl = Env.Slack.CreateResponseUrl();

        await Chat.PressAsync(TeamChat.Ana, post["action_id"]!.GetValue<string>(), post["value"]!.GetValue<string>(), TeamChat.General, "1795428000.000001", ephemeral: true, responseUrl);

        var copy = await WaitForAsync("chat.postMessage", c => Arg(c, "channel") == TeamChat.Incidents);
        Assert.That(Arg(copy, "text"), Does.Contain($"<@{TeamChat.Ana}> posted this in <#{TeamChat.General}>").And.Contain("payments API returns 502"));
        Assert.That(copy.Args["blocks"]!.ToJsonString(), Does.Contain("View the original"));
        var replaced = await WaitForAsync("response_url");
        Assert.That(replaced.Args["replace_original"]!.GetValue<bool>(), Is.True);
        Assert.That(Arg(replaced, "text"), Does.Contain($"Posted in <#{TeamChat.Incidents}>"));
    }

    [Test]
    public async Task NotUrgentButton_RecordsDismissalAndReplacesNudge()
    {
        var ts = await Chat.SayAsync(TeamChat.Ana, "The sev1 runbook still points at the old pager number, fixing the link in https://wiki.example/sev1");
        var nudge = await WaitForAsync("chat.postEphemeral");
        var dismiss = nudge.Args["blocks"]!.AsArray().Last()!["elements"]![1]!;

        await Chat.PressAsync(TeamChat.Ana, NudgeActions.NotUrgent, dismiss["value"]!.GetValue<string>(), TeamChat.General, ts, ephemeral: true);

        var replaced = await WaitForAsync("response_url");
        Assert.That(Arg(replaced, "text"), Does.Contain("not urgent"));
        await using var connection = Env.App.Database();
        var outcome = Dapper.SqlMapper.ExecuteScalar<string>(connection, "SELECT outcome || ' ' || detail FROM nudges WHERE rule = 'misroute'");
        Assert.That(outcome, Is.EqualTo("not_helpful urgent:sev1"), "\"Not urgent\" is the misroute nudge's not-helpful record");
    }

    [Test]
    public async Task TopicRoute_MessageOutsideRoutedChannel_NudgesTowardIt()
    {
        await using (var connection = Env.App.Database())
        {
            Dapper.SqlMapper.Execute(connection, "INSERT INTO topic_routes (team_id, topic, channel_id, keywords, updated_at) VALUES ('T0EMULATOR', 'security', 'C0INCIDNT', 'cve, phishing', 0)");
        }

        await Chat.SayAsync(TeamChat.Bob, "Heads up, a phishing mail pretending to be payroll went to the whole sales team this morning.");

        var nudge = await WaitForAsync("chat.postEphemeral");
        Assert.That(Arg(nudge, "text"), Does.Contain("*security* topic").And.Contain("\"phishing\""));
        Assert.That(nudge.Args["blocks"]!.ToJsonString(), Does.Contain("Not about security"));
    }
}
