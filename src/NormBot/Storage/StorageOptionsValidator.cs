using Microsoft.Extensions.Options;

namespace NormBot.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var problems = new List<string>();
        if (!StorageProviders.IsKnown(options.Provider))
        {
            problems.Add($"Storage:Provider must be Sqlite or Postgres, not \"{options.Provider}\"; for example Sqlite");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add("Storage:ConnectionString is required; for example Data Source=data/normbot.db");
        }

        if (options.RetentionDays is < 1 or > 3650)
        {
            problems.Add($"Storage:RetentionDays must be between 1 and 3650, not {options.RetentionDays}; for example 30");
        }

        if (options.InboxMaxAttempts is < 1 or > 20)
        {
            problems.Add($"Storage:InboxMaxAttempts must be between 1 and 20, not {options.InboxMaxAttempts}; for example 5");
        }

        if (options.Lease < TimeSpan.FromSeconds(1) || options.Lease > TimeSpan.FromHours(1))
        {
            problems.Add($"Storage:Lease must be between 00:00:01 and 01:00:00, not {options.Lease}; for example 00:02:00");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
