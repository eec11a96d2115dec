using Npgsql;

namespace NormBot.Bench.Scale;

/// <summary>One database per size on the server given, created when missing and kept for the next run.</summary>
public static class PostgresDatabase
{
    public static string Create(string server, string database)
    {
        if (string.IsNullOrEmpty(server))
        {
            throw new ArgumentException("--store postgres needs --postgres \"Host=...;Port=...;Username=...\"");
        }

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
}
