using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Http;

/// <summary>
/// PRODUCT §12 "Odd but real payloads": every event in <c>../shared/slack/real-payloads</c> (other projects' Slack test
/// suites, envelopes set to team T0ACC0001) sent to one running bot, which stands in for that team. Each is acknowledged
/// and processed with no error, and over the next day nothing absurd is posted: no nudge about years-old messages,
/// no wait of thousands of hours, nothing in a Slack Connect channel.
/// </summary>
[SlackSpecs]
public sealed partial class RealPayloadsTests
{
    private const string PayloadTeam = "T0ACC0001";

    [Test]
    public async Task EveryRealPayload_AcknowledgedProcessedAndNothingAbsurdPosted()
    {
        // The workspace leaving (app_uninstalled, tokens_revoked) comes last, so it does not silence the others.
        var files = Directory.GetFiles(SlackSpecs.Path("real-payloads"), "*.json")
            .OrderBy(f => Leaving().IsMatch(File.ReadAllText(f)))
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(100));
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var env = await EmulatedSlackApp.StartAsync(time: clock, settings: new Dictionary<string, string?> { ["Norms:Leaders:0"] = "U0LEAD" });
        await env.Slack.WaitForCallAsync("auth.test");

        // The people in the payloads are members of the workspace, as they were where the payloads were captured.
        foreach (var user in files.SelectMany(f => UserId().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal))
        {
            env.Slack.Workspace.AddUser(user, user.ToLowerInvariant(), "UTC");
        }

        using var client = env.CreateClient();

        var i = 0;
        foreach (var file in files)
        {
            var body = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
            Assert.That((string?)body["team_id"], Is.EqualTo(PayloadTeam), file);
            body["team_id"] = EmulatedSlackApp.TeamId; // the bot's installation stands in for the payloads' team
            body["event_id"] = $"EvREAL{++i:D4}"; // fresh, so deduplication hides none (PROVENANCE.md)
            using var response = await client.SendAsync(SignedRequests.Json("/slack/event", body.ToJsonString(), env.Time.GetUtcNow()));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Path.GetFileName(file));
        }

        await env.App.InboxDrainedAsync();
        await using (var connection = env.App.Database())
        {
            var failed = await connection.QueryAsync<string>("SELECT envelope_id FROM slack_inbox WHERE processed_at IS NULL OR last_error IS NOT NULL");
            Assert.That(failed, Is.Empty, "every payload processed without an error");
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox"), Is.EqualTo(files.Count));
        }

        // A working day and more: reminders, escalations and unanswered notes of anything recorded come due.
        await new TeamChat(env).AdvanceAsync(TimeSpan.FromHours(26));

        Assert.That(env.App.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)), Is.Empty);
        var posts = env.Slack.Calls.Where(c => c.Method is "chat.postMessage" or "chat.postEphemeral").ToList();
        Assert.That(posts.Where(c => c.Method == "chat.postEphemeral"), Is.Empty, "no tips about messages from years ago");
        foreach (var post in posts)
        {
            var text = post.Args["text"]?.ToString() ?? "";
            Assert.That(Waited().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)), Has.All.LessThan(48), text);
            Assert.That(post.Args["channel"]?.ToString(), Does.Not.StartWith("C").And.Not.StartWith("G"), $"posted in a channel: {text}");
        }
    }

    [GeneratedRegex("\"type\": *\"(app_uninstalled|tokens_revoked)\"")]
    private static partial Regex Leaving();

    [GeneratedRegex("\"user\": *\"([UW][A-Z0-9]+)\"")]
    private static partial Regex UserId();

    [GeneratedRegex(@"(\d+)h(?: \d+m)? of working time")]
    private static partial Regex Waited();
}
