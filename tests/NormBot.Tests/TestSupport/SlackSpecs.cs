using System.Text.Json.Nodes;

namespace NormBot.Tests.TestSupport;

/// <summary>
/// Slack's published specifications and SDK samples (OpenAPI, the manifest JSON Schema, payload shapes): third-party
/// data that stays outside the repository. Found at <see cref="Variable"/> or at <c>../shared/slack</c> beside the
/// clone; tests marked <see cref="SlackSpecsAttribute"/> check against them and are skipped, with
/// <see cref="Missing"/> as the reason, when neither is there.
/// </summary>
public static class SlackSpecs
{
    public const string Variable = "NORMBOT_SLACK_SPECS";

    private static readonly string? Configured = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? System.IO.Path.GetFullPath(path) : null;

    /// <summary>The folder holding openapi/, manifest/, web-api/ ...; null when it is not there.</summary>
    public static string? Root { get; } = Find();

    public static string Missing { get; } = Configured is null
        ? $"Slack specs not found: set {Variable} to a folder holding them (openapi/, manifest/, web-api/ ...) or put shared/slack beside the repository"
        : $"Slack specs not found at {Variable}={Configured}";

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException($"{Missing}. A test that reads them is marked [SlackSpecs]."), .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Path(parts));

    public static JsonObject ReadJson(params string[] parts) => JsonNode.Parse(ReadText(parts))!.AsObject();

    /// <summary>
    /// The names of the JSON files in a spec folder, for a test case source: one placeholder when the specs are absent,
    /// so the (skipped) test still shows up once instead of vanishing.
    /// </summary>
    public static IEnumerable<string> JsonFiles(params string[] folder) =>
        Root is null
            ? ["(specs absent)"]
            : Directory.GetFiles(Path(folder), "*.json").Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static string? Find()
    {
        if (Configured is not null)
        {
            return Directory.Exists(Configured) ? Configured : null;
        }

        var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(Repository.Root, "..", "shared", "slack"));
        return Directory.Exists(beside) ? beside : null;
    }
}
