using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NormBot.Storage;

namespace NormBot.Tests.Storage;

public sealed class MigrationRunnerTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("normbot-migrations").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Migrate_FreshFile_CreatesDataFolderAppliesEveryMigrationAndUsesWal()
    {
        var path = Path.Combine(_folder, "nested", "data", "normbot.db");
        var db = Db(path);

        var applied = await Runner(db).MigrateAsync();

        await using var connection = await db.OpenAsync();
        var versions = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.That(File.Exists(path), Is.True);
        Assert.That(applied, Is.EqualTo(MigrationRunner.Embedded(postgres: false).Count));
        Assert.That(versions, Is.EqualTo(MigrationRunner.Embedded(postgres: false).Select(m => m.Version)));
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task Migrate_Repeated_AppliesNothingAndKeepsData()
    {
        var db = Db(Path.Combine(_folder, "normbot.db"));
        await Runner(db).MigrateAsync();
        await using (var connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO slack_effects (team_id, effect_key, created_at) VALUES ('T1', 'k', 1)");
        }

        var second = await Runner(db).MigrateAsync();

        await using var check = await db.OpenAsync();
        Assert.That(second, Is.Zero);
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_effects"), Is.EqualTo(1));
    }

    [Test]
    public async Task Migrate_FourProcessesAtOnce_AppliesEachMigrationExactlyOnce()
    {
        var path = Path.Combine(_folder, "normbot.db");

        // Separate Db instances (separate pools) stand in for separate processes sharing the file.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Runner(Db(path)).MigrateAsync())));

        await using var connection = await Db(path).OpenAsync();
        var rows = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations");
        Assert.That(results.Sum(), Is.EqualTo(MigrationRunner.Embedded(postgres: false).Count));
        Assert.That(rows, Is.EqualTo(MigrationRunner.Embedded(postgres: false).Count));
    }

    [Test]
    public void Embedded_EveryTable_IsKeyedByTeamId()
    {
        var creates = MigrationRunner.Embedded(postgres: false)
            .SelectMany(m => m.Sql.Split("CREATE TABLE", StringSplitOptions.None).Skip(1))
            .Where(t => !t.TrimStart().StartsWith("QRTZ_", StringComparison.OrdinalIgnoreCase) && !t.Contains("qrtz_", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.That(creates, Is.Not.Empty);
        Assert.That(creates, Has.All.Contains("PRIMARY KEY (team_id"));
    }

    private static Db Db(string path) => new(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" }));

    private static MigrationRunner Runner(Db db) => new(db, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
}
