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

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
