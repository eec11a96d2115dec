using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace NormBot.Tests.TestSupport;

/// <summary>
/// Runs the suite's app hosts on PostgreSQL instead of SQLite when NORMBOT_TEST_STORE=postgres and
/// NORMBOT_TEST_POSTGRES (a server connection string) are set; CI has no server, so by default nothing changes.
/// </summary>
internal static class PostgresStore
{
    public static string? Server { get; } =
        string.Equals(Environment.GetEnvironmentVariable("NORMBOT_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? Environment.GetEnvironmentVariable("NORMBOT_TEST_POSTGRES")
            : null;

    public static string DatabaseFor(string sqlitePath) =>
        "normbot_t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sqlitePath)))[..16];

    /// <summary>Creates the database unless it exists (a restart scenario) and returns its connection string.</summary>
    public static string Create(string server, string database)
    {
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", database);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
    }

    public static void Drop(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(server);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
