using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using NormBot.Storage;
using Npgsql;

namespace NormBot.Digests;

/// <summary>Quartz's ADO store on our database: SQLite alone, or PostgreSQL where several replicas form a cluster.</summary>
internal static class QuartzStore
{
    // Read at registration: Quartz picks its dialect when the services are registered, not when options are bound.
    public static bool IsPostgres(IConfiguration configuration) => string.Equals(
        configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"], StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    // Through a DbDataSource rather than a driver named by its type names, which a trimmed publish (NormBot.csproj)
    // cannot resolve. The connection string comes from Db, which has resolved the SQLite path by then.
    public static DbDataSource DataSource(Db db, bool postgres)
    {
        if (db.IsPostgres != postgres)
        {
            throw new InvalidOperationException(
                "Storage:Provider changed after the services were registered; set it in appsettings.json or the environment.");
        }

        return postgres ? PostgresDataSource(db.ConnectionString) : SqliteFactory.Instance.CreateDataSource(db.ConnectionString);
    }

    // Its own method so that SQLite runs never load Npgsql (the JIT loads the types a method names when it compiles it).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NpgsqlDataSource PostgresDataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);
}
