using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Slack.Inbox;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Inbox;

public sealed class InboxWriterThreadTests
{
    [Test]
    public async Task Writer_CommitsOnItsOwnThread_AtRaisedPriorityWhereTheProcessMayRaiseIt()
    {
        Assume.That(OperatingSystem.IsLinux(), "thread priorities are set only on Linux");
        await using var app = new NormBotFactory();
        using var client = app.CreateClient();
        var writer = app.Services.GetRequiredService<InboxWriter>();

        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "Can someone review the Q3 budget doc by Thursday?", "1700000000.000100", eventId: "EvWRITER0001").ToJsonString();
        var response = await client.SendAsync(SignedRequests.Json("/slack/event", body, app.Time.GetUtcNow()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using (var check = app.Database())
        {
            // Journaled before the ack; the writer moves it into the table on its own thread.
            Assert.That(await Eventually.TrueAsync(() => check.ExecuteScalar<long>("SELECT COUNT(*) FROM slack_inbox WHERE envelope_id = 'EvWRITER0001'") == 1), Is.True);
        }

        var task = $"/proc/self/task/{writer.ThreadId}";
        Assert.That(File.ReadAllText($"{task}/comm").Trim(), Is.EqualTo("inbox-writer"));
        if (ProcessMayRaisePriority())
        {
            Assert.That(NiceOf(task), Is.EqualTo(InboxWriter.Nice));
        }
        else
        {
            Assert.That(NiceOf(task), Is.Zero);
            Assert.That(app.Logs.Lines, Has.Some.Contains("The inbox writer runs at normal priority"));
        }
    }

    // Field 19 of a task's stat line; the fields after the command name's closing parenthesis start at field 3.
    private static int NiceOf(string task)
    {
        var stat = File.ReadAllText($"{task}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }

    // What the kernel checks: CAP_SYS_NICE (bit 23 of the effective set), or a nice limit that reaches the value.
    private static bool ProcessMayRaisePriority()
    {
        var capabilities = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("CapEff:", StringComparison.Ordinal))["CapEff:".Length..].Trim();
        if ((ulong.Parse(capabilities, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 23)) != 0)
        {
            return true;
        }

        var limit = File.ReadLines("/proc/self/limits").Single(l => l.StartsWith("Max nice priority", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        return int.TryParse(limit, CultureInfo.InvariantCulture, out var soft) && 20 - soft <= InboxWriter.Nice;
    }
}
