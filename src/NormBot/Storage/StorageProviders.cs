namespace NormBot.Storage;

public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static bool IsKnown(string? provider) =>
        string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
