using Microsoft.Extensions.Options;
using NormBot.Protocols;

namespace NormBot.Norms;

/// <summary>
/// Checks <c>Norms:Defaults</c> with the same parser as <c>/norms set</c>, so a bad default stops the start with a clear
/// line (exit code 2) instead of falling back silently to the built-in value.
/// </summary>
public sealed class NormsOptionsValidator : IValidateOptions<NormsOptions>
{
    public ValidateOptionsResult Validate(string? name, NormsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (key, value) in options.Defaults)
        {
            var canonicalKey = key.ToLowerInvariant();
            if (!ProtocolKeys.IsKnown(canonicalKey))
            {
                problems.Add($"Norms:Defaults:{key} is not a protocol key; use one of {string.Join(", ", ProtocolKeys.Defaults.Keys)}, for example response-time");
            }
            else if (!ProtocolValues.TryNormalize(canonicalKey, value ?? "", out _, out var error))
            {
                problems.Add($"Norms:Defaults:{key} is not valid ({error}); for example {(ProtocolKeys.Defaults[canonicalKey] is { Length: > 0 } example ? example : "none")}");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
