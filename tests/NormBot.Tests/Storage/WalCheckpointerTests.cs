using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NormBot.Slack.Inbox;
using NormBot.Storage;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Storage;

/// <summary>
/// The background checkpointer copies the log back into the database, so the inbox writer's commits do so only at
/// the raised threshold, which a sustained flood still reaches.
/// </summary>
public sealed class WalCheckpointerTests
{
    private string _folder = "";
    private string _path = "";
    private Db _db = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("normbot-wal").FullName;
        _path = Path.Combine(_folder, "normbot.db");
        _db = new Db(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_path}" }));
        await new MigrationRunner(_db, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync();
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task StoreConnections_CheckpointOnCommitOnlyAtTheRaisedThreshold()
    {
        await using var connection = await _db.OpenAsync();

        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"), Is.EqualTo(Db.AutoCheckpointPages));
    }

    [Test]
    public async Task Checkpoint_AfterAFloodOfEvents_MovesEveryCommittedPageIntoTheDatabase()
    {
        await WriteEventsAsync(from: 0, count: 6_000);

        var (logFrames, checkpointed) = await Checkpointer().CheckpointAsync(CancellationToken.None);

        // 6,000 events are past SQLite's own 1,000-page threshold, which would have checkpointed on commit.
        Assert.That(logFrames, Is.GreaterThan(1_000));
        Assert.That(checkpointed, Is.EqualTo(logFrames));
    }

    [Test]
    public async Task WritesBetweenCheckpoints_ReuseTheLogInsteadOfGrowingIt()
    {
        var checkpointer = Checkpointer();
        await WriteEventsAsync(from: 0, count: 2_000);
        await checkpointer.CheckpointAsync(CancellationToken.None);
        var afterFirst = new FileInfo(_path + "-wal").Length;

        for (var round = 1; round <= 3; round++)
        {
            await WriteEventsAsync(from: round * 2_000, count: 2_000);
            await checkpointer.CheckpointAsync(CancellationToken.None);
        }

        // Without the checkpoints the log would hold all four rounds (SQLite alone waits for 10,000 pages).
        Assert.That(new FileInfo(_path + "-wal").Length, Is.LessThan(afterFirst * 3 / 2));
        await using var connection = await _db.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_inbox"), Is.EqualTo(8_000));
    }

    [Test]
    public async Task RunningBot_CopiesTheLogIntoTheDatabaseWithinSeconds()
    {
        await using var app = new NormBotFactory(new Dictionary<string, string?> { ["Storage:Provider"] = StorageProviders.Sqlite });
        _ = app.Server;
        var db = app.Services.GetRequiredService<Db>();
        var before = new FileInfo(app.DatabasePath).Length;

        // Far below the raised threshold, so only the background checkpointer moves these pages.
        await using (var connection = await db.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO slack_effects (team_id, effect_key, created_at) VALUES ('T1', @Key, 1)",
                Enumerable.Range(0, 5_000).Select(i => new { Key = $"nudge:C{i % 20}:1700000000.{i:D6}" }), tx);
            await tx.CommitAsync();
        }

        Assert.That(await Eventually.TrueAsync(() => new FileInfo(app.DatabasePath).Length > before, TimeSpan.FromSeconds(5)), Is.True,
            "the database file did not grow: the log was not checkpointed");
    }

    private WalCheckpointer Checkpointer() => new(_db, NullLogger<WalCheckpointer>.Instance);

    /// <summary>Writes the way the event path does: batches of 64 through the inbox store.</summary>
    private async Task WriteEventsAsync(int from, int count)
    {
        var store = new InboxStore(_db, TimeProvider.System);
        for (var start = from; start < from + count; start += 64)
        {
            var batch = Enumerable.Range(start, Math.Min(64, from + count - start))
                .Select(i => new InboxEnvelope("T1", $"Ev{i:D10}", InboxEnvelope.Event, Body(i), 1_700_000_000_000 + i))
                .ToList();
            await store.InsertBatchAsync(batch, CancellationToken.None);
        }
    }

    private static string Body(int i) =>
        $$$"""{"type":"event_callback","team_id":"T1","event_id":"Ev{{{i:D10}}}","event":{"type":"message","channel":"C{{{i % 20}}}","user":"U{{{i % 50}}}","text":"<@U7> can you look at the deploy notes in https://docs.example/{{{i}}} before tomorrow?","ts":"1700000000.{{{i:D6}}}"}}""";
}
