using NormBot.Storage;
using Quartz;
using Quartz.Impl.AdoJobStore;
using Quartz.Impl.AdoJobStore.Common;

namespace NormBot.Digests;

/// <summary>Quartz's ADO store on our database: SQLite alone, or PostgreSQL where several replicas form a cluster.</summary>
internal static class QuartzStore
{
    public static bool IsPostgres(StorageOptions options) =>
        string.Equals(options.Provider, StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    public static IDbProvider ConnectionProvider(Db db) =>
        new DbProvider(db.IsPostgres ? DataSourceOptions.Providers.Npgsql : DataSourceOptions.Providers.Sqlite, db.ConnectionString);

    public static IDriverDelegate DriverDelegate(Db db) => db.IsPostgres ? new PostgreSQLDelegate() : new SQLiteDelegate();
}
