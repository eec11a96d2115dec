using Microsoft.Extensions.Options;

namespace NormBot.Digests;

public sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
        options.OverdueScanInterval < TimeSpan.FromSeconds(1) || options.OverdueScanInterval > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail($"Jobs:OverdueScanInterval must be between 00:00:01 and 01:00:00, not {options.OverdueScanInterval}; for example 00:01:00")
            : ValidateOptionsResult.Success;
}
