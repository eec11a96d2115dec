namespace NormBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Provider { get; set; } = StorageProviders.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/normbot.db";

    public int RetentionDays { get; set; } = 30;

    /// <summary>Tries at processing one event before it becomes a dead letter (transient failures only).</summary>
    public int InboxMaxAttempts { get; set; } = 5;

    /// <summary>How long a process's claim on a stored event or outgoing message holds; a dead process's claims are taken over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
