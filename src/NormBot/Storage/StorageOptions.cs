namespace NormBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Provider { get; set; } = StorageProviders.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/normbot.db";

    public int RetentionDays { get; set; } = 30;
}
