using System.Data.Common;
using NormBot.Storage;

namespace NormBot.Digests;

/// <summary>Quartz's ADO store on our database: SQLite alone, or PostgreSQL where several replicas form a cluster.</summary>
internal static class QuartzStore
{
    // Read at registration: Quartz picks its dialect when the services are registered, not when options are bound.
    public static bool IsPostgres(IConfiguration configuration) =>
        StorageProviders.IsPostgres(configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"]);

    // Through a DbDataSource rather than a driver named by its type names, which a trimmed publish (NormBot.csproj)
    // cannot resolve.
    public static DbDataSource DataSource(Db db, bool postgres)
    {
        if (db.IsPostgres != postgres)
        {
            throw new InvalidOperationException(
                "Storage:Provider changed after the services were registered; set it in appsettings.json or the environment.");
        }

        return db.CreateDataSource();
    }
}
