namespace NormBot.Storage;

public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static bool IsPostgres(string? provider) => string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string? provider) =>
        string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase)
        || IsPostgres(provider);
}
