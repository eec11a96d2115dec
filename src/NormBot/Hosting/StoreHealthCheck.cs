using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NormBot.Storage;

namespace NormBot.Hosting;

public sealed class StoreHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_migrations");
            return version is null
                ? HealthCheckResult.Unhealthy("store reachable but not migrated")
                : HealthCheckResult.Healthy($"schema version {version}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"store unreachable: {ex.GetType().Name}");
        }
    }
}
