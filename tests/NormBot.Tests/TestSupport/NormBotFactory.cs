using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace NormBot.Tests.TestSupport;

/// <summary>The real app on a TestServer with a temporary SQLite file, a fake clock and captured logs.</summary>
public sealed class NormBotFactory : WebApplicationFactory<Program>
{
    public const string BotToken = "xoxb-test-1111-secret-bot-token";
    public const string SigningSecret = "test-signing-secret-8f742231b10e";

    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public NormBotFactory(IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, Action<IServiceCollection>? services = null, string? databasePath = null)
    {
        _services = services;
        KeepDatabase = databasePath is not null;
        DatabasePath = databasePath ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "normbot-tests", $"{Guid.NewGuid():N}.db");
        Time = time ?? new TestClock(DateTimeOffset.UtcNow);
        _settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:AppToken"] = "",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Storage:ConnectionString"] = $"Data Source={DatabasePath}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (PostgresStore.Server is { } server && Provider is null)
        {
            // NORMBOT_TEST_STORE=postgres: the same suite on PostgreSQL, one database per SQLite path (so restart
            // scenarios find their data again).
            _postgresDatabase = PostgresStore.DatabaseFor(DatabasePath);
            _settings[ProviderKey] = NormBot.Storage.StorageProviders.Postgres;
            _settings["Storage:ConnectionString"] = PostgresStore.Create(server, _postgresDatabase);
        }
    }

    private readonly string? _postgresDatabase;

    public string DatabasePath { get; }

    /// <summary>A database handed in by the test (a restart scenario) outlives this host.</summary>
    public bool KeepDatabase { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Creates the app's schema without starting it, as a previous run would have left it.</summary>
    public async Task MigrateAsync()
    {
        using var db = StoreDb();
        await new NormBot.Storage.MigrationRunner(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<NormBot.Storage.MigrationRunner>.Instance).MigrateAsync();
    }

    /// <summary>The app's store without the app: for tests of one store class that no running service may disturb.</summary>
    public NormBot.Storage.Db StoreDb() => new(Microsoft.Extensions.Options.Options.Create(new NormBot.Storage.StorageOptions
    {
        Provider = Provider ?? NormBot.Storage.StorageProviders.Sqlite,
        ConnectionString = ConnectionString,
    }));

    /// <summary>True when the suite runs on PostgreSQL (NORMBOT_TEST_STORE=postgres).</summary>
    public bool OnPostgres => NormBot.Storage.StorageProviders.IsPostgres(Provider);

    /// <summary>A connection (not yet open) to the app's database, beside the app's own, for a test to look in.</summary>
    public System.Data.Common.DbConnection Database() =>
        OnPostgres
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);

    private const string ProviderKey = "Storage:Provider";

    /// <summary>This test's store as environment variables, for a NormBot process (<see cref="NormBotProcess"/>) on it.</summary>
    public Dictionary<string, string?> StoreEnvironment() => new()
    {
        ["Storage__Provider"] = Provider ?? NormBot.Storage.StorageProviders.Sqlite,
        ["Storage__ConnectionString"] = ConnectionString,
    };

    private string? Provider => _settings.GetValueOrDefault(ProviderKey);

    private string ConnectionString => _settings["Storage:ConnectionString"]!;

    public CapturedLogs Logs { get; } = new();

    private IHost? _host;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));

        // ConfigureAppConfiguration lands after Program has registered its services; what registration itself reads
        // (Storage:Provider picks Quartz's dialect) must also be a host setting, which Program already sees.
        if (Provider is { } provider)
        {
            builder.UseSetting(ProviderKey, provider);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);

            // A job caught mid-wait on the fake clock (a paced Slack call) would never finish, and waiting for
            // it would hang the host's stop; in production real time passes and the app waits for jobs.
            services.Configure<Quartz.QuartzHostedServiceOptions>(o => o.WaitForJobsToComplete = false);
            _services?.Invoke(services);
        });
    }

    /// <summary>
    /// WebApplicationFactory stops the host, then disposes it synchronously in the stop's continuation. That stop
    /// resumes inline among the continuations of the last hosted service to finish, and Program.Main's own stop waits
    /// in a later one of the same task: the synchronous dispose waited for Main, so for itself, until the bound below
    /// gave up (20 s, in several tests a run). So the host is stopped here first and disposed after a yield, off that
    /// thread; the bound stays as a guard.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        var dispose = Task.Run(async () =>
        {
            if (_host is not null)
            {
                await _host.StopAsync();
                await Task.Yield();
            }

            await base.DisposeAsync();
        });
        if (await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(20))) != dispose)
        {
            await TestContext.Out.WriteLineAsync("NormBot test host did not finish disposing within 20 s; left behind.");
        }

        GC.SuppressFinalize(this);
    }

    protected override IHost CreateHost(IHostBuilder builder) => _host = base.CreateHost(builder);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepDatabase)
        {
            return;
        }

        if (_postgresDatabase is not null)
        {
            PostgresStore.Drop(PostgresStore.Server!, _postgresDatabase);
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(DatabasePath + suffix);
            }
            catch (IOException)
            {
                // A pooled handle may outlive the host for a moment; the temp folder is disposable anyway.
            }
        }
    }
}
