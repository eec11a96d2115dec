using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NormBot.Hosting;

/// <summary>Turns configuration failures at start-up into one plain line per problem.</summary>
public static partial class StartupErrors
{
    public const int ConfigurationExitCode = 2;

    /// <summary>The problem lines if <paramref name="exception"/> is a configuration failure; otherwise null.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        var lines = new List<string>();
        Collect(exception, lines);
        return lines.Count == 0 ? null : lines.Distinct().ToList();
    }

    private static void Collect(Exception exception, List<string> lines)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                lines.AddRange(validation.Failures);
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, lines);
                }

                break;
            case InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } m:
                lines.Add($"{m.Groups["key"].Value} is not a valid {Friendly(m.Groups["type"].Value)}; {Example(m.Groups["type"].Value)}");
                break;
            default:
                if (exception.InnerException is not null)
                {
                    Collect(exception.InnerException, lines);
                }

                break;
        }
    }

    private static string Friendly(string type) => type switch
    {
        "System.TimeSpan" => "time span",
        "System.Int32" => "whole number",
        "System.Boolean" => "true/false value",
        _ => type,
    };

    private static string Example(string type) => type switch
    {
        "System.TimeSpan" => "for example 00:01:00 for one minute",
        "System.Int32" => "for example 30",
        "System.Boolean" => "for example true",
        _ => "check the README's configuration table",
    };

    // The configuration binder's message: "Failed to convert configuration value at 'Jobs:OverdueScanInterval' to type 'System.TimeSpan'."
    [GeneratedRegex("Failed to convert configuration value (?:'[^']*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
