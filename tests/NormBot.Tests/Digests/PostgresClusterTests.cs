using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NormBot.Digests;
using NormBot.Protocols.Commands;
using NormBot.Slack.Events;
using NormBot.SlackEmulator;
using NormBot.Storage;
using NormBot.Tests.TestSupport;
using Npgsql;
using Emulator = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.Digests;

/// <summary>
/// Two replicas on one PostgreSQL database form a Quartz cluster, and a digest fires once. Runs only when
/// NORMBOT_TEST_POSTGRES holds a connection string to a server where a scratch database may be created.
/// </summary>
[NonParallelizable]
public sealed class PostgresClusterTests
{
    private const string Team = EmulatedSlackApp.TeamId;
    private const string Leads = "C0LEADS";

    [Test]
    public async Task TwoReplicas_DigestFiresOnce()
    {
        var server = Environment.GetEnvironmentVariable("NORMBOT_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Assert.Ignore("NORMBOT_TEST_POSTGRES is not set");
        }

        var database = $"normbot_digest_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

        await using var slack = await Emulator.StartAsync(new SlackEmulatorOptions { TeamId = Team });
        slack.Workspace.AddChannel(Leads, "team-leads", slack.BotUserId);
        var time = new TestClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:AppToken"] = "",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
        };
        try
        {
            await using var first = new NormBotFactory(settings, time);
            await using var second = new NormBotFactory(settings, time);
            _ = first.Server;
            _ = second.Server;

            var reply = await first.Services.GetRequiredService<DigestCommands>().HandleAsync(
                (NormsCommand)NormsCommandParser.Parse("digest <#C0LEADS|team-leads> daily 09:00"),
                new SlashCommand(Team, Leads, "team-leads", "U0LEAD", "lead", "/norms", "", null, null),
                CancellationToken.None);
            Assert.That(reply.Text, Does.StartWith("Scheduled:"));

            int Posts() => slack.Calls.Count(c => c.Method == "chat.postMessage" && (string?)c.Args["channel"] == Leads);
            var nine = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
            Assert.That(
                await Eventually.TrueAdvancingAsync(time, () => time.GetUtcNow() < nine ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(1), () => Posts() > 0, TimeSpan.FromSeconds(40)),
                Is.True,
                "a replica posted the digest");

            // Let the job finish before moving the clock again: the Slack client's per-attempt timeout runs on it too.
            var store = first.Services.GetRequiredService<DigestScheduleStore>();
            Assert.That(await Eventually.TrueAsync(async () => await store.LastPeriodEndAsync(Team, Leads, CancellationToken.None) is not null), Is.True);

            // More rounds of both schedulers, each finished, to give the other replica every chance to post it again:
            // 30 s of clock is four of the cluster's check-ins (7.5 s).
            for (var i = 0; i < 6; i++)
            {
                time.Advance(TimeSpan.FromSeconds(5));
                await first.SettledAsync();
                await second.SettledAsync();
            }

            Assert.That(Posts(), Is.EqualTo(1), "one digest from a cluster of two");
            await using var check = await first.Services.GetRequiredService<Db>().OpenAsync();
            var nodes = (await check.QueryAsync<string>("SELECT instance_name FROM qrtz_scheduler_state")).ToList();
            Assert.That(nodes, Has.Count.EqualTo(2).And.Unique, "two nodes checked in, each under its own instance id");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [TestCase(null, "off")]
    [TestCase("-c jit=on", "on")]
    [TestCase("", "on")] // PgBouncer refuses startup options: an empty Options= sends none
    public async Task Sessions_RunWithoutJit_UnlessTheConnectionStringSaysOtherwise(string? options, string expected)
    {
        var server = Environment.GetEnvironmentVariable("NORMBOT_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Assert.Ignore("NORMBOT_TEST_POSTGRES is not set");
        }

        var connectionString = options is null ? server : $"{server};Options={options}";
        using var db = new Db(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = connectionString }));
        await using var connection = await db.OpenAsync();

        Assert.That(await connection.ExecuteScalarAsync<string>("SHOW jit"), Is.EqualTo(expected));
    }
}
