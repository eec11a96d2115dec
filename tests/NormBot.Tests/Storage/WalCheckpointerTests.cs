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
/// The background checkpointer copies the log back into the database and, under a flood, restarts it, so the inbox
/// writer's commits never reach SQLite's own threshold, where a commit would copy and sync.
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
    public async Task Checkpoint_AfterAFloodOfEvents_MovesEveryCommittedPageIntoTheDatabaseAndRestartsTheLog()
    {
        var checkpointer = Checkpointer();
        await WriteEventsAsync(from: 0, count: 20_000, perCommit: 5);

        var pass = checkpointer.Checkpoint(CancellationToken.None);

        Assert.That(pass.LogFrames, Is.GreaterThan(WalCheckpointer.RestartAbovePages));
        Assert.That(pass.Checkpointed, Is.EqualTo(pass.LogFrames));
        Assert.That(pass.Restarts, Is.True);

        await WriteEventsAsync(from: 20_000, count: 64);
        Assert.That(checkpointer.Checkpoint(CancellationToken.None).LogFrames, Is.InRange(1, 100), "the next commit did not write at the log's start");
    }

    [Test]
    public async Task Checkpoint_BelowTheRestartThreshold_CopiesWithoutWaitingForTheStores()
    {
        var checkpointer = Checkpointer();
        await WriteEventsAsync(from: 0, count: 4_000, perCommit: 5);
        using var held = _db.HoldStores(CancellationToken.None);

        // A restart would wait here for the stores (10 s, then fail); a copy-only pass needs nothing from them.
        var pass = await Task.Run(() => checkpointer.Checkpoint(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(pass.LogFrames, Is.InRange(SqliteDefaultAutoCheckpointPages + 1, WalCheckpointer.RestartAbovePages));
        Assert.That(pass.Checkpointed, Is.EqualTo(pass.LogFrames));
        Assert.That(pass.Restarts, Is.False);
    }

    [Test]
    public async Task ContinuousWrites_StillRestartTheLog()
    {
        var checkpointer = Checkpointer();
        using var stop = new CancellationTokenSource();
        var largest = 0L;
        var restarts = 0;
        var passes = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                restarts += checkpointer.Checkpoint(CancellationToken.None).Restarts ? 1 : 0;
                largest = Math.Max(largest, new FileInfo(_path + "-wal").Length);
            }
        });

        // One commit after another, as under a flood: no write ever finds the log fully copied, so a passive checkpoint
        // alone never lets it restart, and it grows until SQLite's own threshold copies it inside a commit.
        await WriteEventsAsync(from: 0, count: 100_000, perCommit: 8);

        await stop.CancelAsync();
        await passes;
        TestContext.Out.WriteLine($"largest log: {largest / 1_000_000.0:F1} MB, {restarts} restarts");
        Assert.That(largest, Is.LessThan(LogBytes(Db.AutoCheckpointPages) * 3 / 4), $"the log reached {largest / 1_000_000.0:F1} MB");
    }

    [Test]
    public async Task HoldStores_KeepsStoresAtTheGateUntilReleased()
    {
        var hold = _db.HoldStores(CancellationToken.None);
        var insert = Task.Run(() => new InboxStore(_db, TimeProvider.System).InsertBatchAsync([Envelope(1)], CancellationToken.None));

        await Task.Delay(200);
        Assert.That(insert.IsCompleted, Is.False, "a store wrote while the stores were held");

        hold.Dispose();
        hold.Dispose(); // a second release must not let two stores in at once
        Assert.That(await insert.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(new[] { true }));
        await using var connection = await _db.OpenAsync();
        var second = _db.OpenAsync();
        await Task.Delay(100);
        Assert.That(second.IsCompleted, Is.False, "two store connections were open at once");
        await connection.DisposeAsync();
        await (await second).DisposeAsync();
    }

    [Test]
    public async Task WritesBetweenCheckpoints_ReuseTheLogInsteadOfGrowingIt()
    {
        var checkpointer = Checkpointer();
        await WriteEventsAsync(from: 0, count: 2_000);
        checkpointer.Checkpoint(CancellationToken.None);
        var afterFirst = new FileInfo(_path + "-wal").Length;

        for (var round = 1; round <= 3; round++)
        {
            await WriteEventsAsync(from: round * 2_000, count: 2_000);
            checkpointer.Checkpoint(CancellationToken.None);
        }

        // Without the checkpoints the log would hold all four rounds (SQLite alone waits for Db.AutoCheckpointPages).
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

    private const long SqliteDefaultAutoCheckpointPages = 1_000;

    private static long LogBytes(long pages) => pages * (4096 + 24);

    private WalCheckpointer Checkpointer() => new(_db, NullLogger<WalCheckpointer>.Instance);

    /// <summary>Writes the way the event path does: batches through the inbox store (a flood at c=64 commits about 5 at a time).</summary>
    private async Task WriteEventsAsync(int from, int count, int perCommit = 64)
    {
        var store = new InboxStore(_db, TimeProvider.System);
        for (var start = from; start < from + count; start += perCommit)
        {
            var batch = Enumerable.Range(start, Math.Min(perCommit, from + count - start)).Select(Envelope).ToList();
            await Task.Run(() => store.InsertBatchAsync(batch, CancellationToken.None));
        }
    }

    private static InboxEnvelope Envelope(int i) => new("T1", $"Ev{i:D10}", InboxEnvelope.Event, System.Text.Encoding.UTF8.GetBytes(Body(i)), 1_700_000_000_000 + i);

    private static string Body(int i) =>
        $$$"""{"type":"event_callback","team_id":"T1","event_id":"Ev{{{i:D10}}}","event":{"type":"message","channel":"C{{{i % 20}}}","user":"U{{{i % 50}}}","text":"<@U7> can you look at the deploy notes in https://docs.example/{{{i}}} before tomorrow?","ts":"1700000000.{{{i:D6}}}"}}""";
}
