using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormBot.Digests;
using NormBot.Storage;
using Quartz;

namespace NormBot.Tests.Digests;

/// <summary>How the Quartz store is configured per provider, without a database: only options are resolved.</summary>
public sealed class QuartzStoreConfigurationTests
{
    [Test]
    public void Sqlite_IsNotClustered()
    {
        using var services = Build("Sqlite");

        Assert.That(services.GetRequiredService<IOptions<ClusteringOptions>>().Value.Enabled, Is.False);
        Assert.That(services.GetRequiredService<IOptions<QuartzSchedulerOptions>>().Value.GenerateInstanceId, Is.False);
    }

    [Test]
    public void Postgres_IsClusteredWithDbLocksAndAGeneratedInstanceId()
    {
        using var services = Build("Postgres");

        Assert.That(services.GetRequiredService<IOptions<ClusteringOptions>>().Value.Enabled, Is.True);
        Assert.That(services.GetRequiredService<IOptions<AdoJobStoreOptions>>().Value.UseDbLocks, Is.True);
        Assert.That(services.GetRequiredService<IOptions<QuartzSchedulerOptions>>().Value.GenerateInstanceId, Is.True);
    }

    [Test]
    public void Store_OnlyValidatesTheSchemaOurMigrationCreated()
    {
        using var services = Build("Sqlite");

        Assert.That(services.GetRequiredService<IOptions<AdoJobStoreOptions>>().Value.SchemaProvisioning, Is.EqualTo(SchemaProvisioning.Validate));
    }

    [Test]
    public async Task Sqlite_QuartzOpensOurDatabaseThroughADataSource()
    {
        using var db = new Db(Options.Create(new StorageOptions { Provider = "Sqlite", ConnectionString = "Data Source=:memory:" }));

        await using var source = QuartzStore.DataSource(db, postgres: false);
        await using var connection = await source.OpenConnectionAsync();

        Assert.That(connection, Is.InstanceOf<Microsoft.Data.Sqlite.SqliteConnection>());
        Assert.That(source.ConnectionString, Is.EqualTo(db.ConnectionString), "the path and busy timeout Db prepared");
    }

    [Test]
    public void ProviderSetOnlyAfterRegistration_FailsAtStartSayingWhere()
    {
        // Quartz's dialect was chosen from configuration at registration (SQLite); the bound options now say PostgreSQL.
        using var db = new Db(Options.Create(new StorageOptions { Provider = "Postgres", ConnectionString = "Host=localhost" }));

        var error = Assert.Throws<InvalidOperationException>(() => QuartzStore.DataSource(db, postgres: false));

        Assert.That(error!.Message, Does.StartWith("Storage:Provider changed after the services were registered"));
    }

    private static ServiceProvider Build(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = provider == "Postgres" ? "Host=localhost;Database=normbot" : "Data Source=:memory:",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStorage();
        services.AddDigests(configuration);
        return services.BuildServiceProvider();
    }
}
