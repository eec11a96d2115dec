using System.Text.Json.Nodes;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Checks recorded Web API calls against Slack's published OpenAPI 2.0 spec (method, argument names, encoding).</summary>
public sealed class SlackOpenApiContract
{
    private static readonly Lazy<SlackOpenApiContract> Shared = new(() =>
        Load(SlackSpecs.Path("openapi", "slack_web_openapi_v2_without_examples.json")));

    private readonly Dictionary<string, Operation> _operations;

    private SlackOpenApiContract(Dictionary<string, Operation> operations)
    {
        _operations = operations;
    }

    /// <summary>The spec is from 2020: methods published later, with the arguments their method pages document.</summary>
    public static IReadOnlyDictionary<string, string[]> NewerMethods { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["apps.connections.open"] = [],
    };

    /// <summary>The contract in Slack's spec file (parsed once per test run); only in tests marked <see cref="SlackSpecsAttribute"/>.</summary>
    public static SlackOpenApiContract Default => Shared.Value;

    public static SlackOpenApiContract Load(string specPath)
    {
        var spec = JsonNode.Parse(File.ReadAllText(specPath))!.AsObject();
        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var (path, verbs) in spec["paths"]!.AsObject())
        {
            // Swagger 2.0 lists parameters per path+verb; Slack accepts any verb, so the union is the method's contract.
            var names = new HashSet<string>(StringComparer.Ordinal);
            var required = new HashSet<string>(StringComparer.Ordinal);
            var consumes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (_, op) in verbs!.AsObject())
            {
                foreach (var parameter in op!["parameters"]?.AsArray() ?? [])
                {
                    var name = (string)parameter!["name"]!;
                    names.Add(name);
                    if ((bool?)parameter["required"] == true && name != "token")
                    {
                        required.Add(name);
                    }
                }

                consumes.UnionWith((op["consumes"]?.AsArray() ?? []).Select(c => (string)c!));
            }

            operations[path.TrimStart('/')] = new Operation(names, required, consumes);
        }

        foreach (var (method, args) in NewerMethods)
        {
            operations.TryAdd(method, new Operation([.. args], [], ["application/x-www-form-urlencoded", "application/json"]));
        }

        return new SlackOpenApiContract(operations);
    }

    public bool HasMethod(string method) => _operations.ContainsKey(method);

    public IReadOnlySet<string> ParametersOf(string method) =>
        _operations.TryGetValue(method, out var op) ? op.Names : new HashSet<string>();

    /// <summary>Problems with one call; empty means it conforms. Response URL posts are not Web API calls and pass.</summary>
    public IReadOnlyList<string> Check(RecordedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Method == "response_url" ? [] : Check(call.Method, call.Args, call.ContentType);
    }

    public IReadOnlyList<string> Check(string method, JsonObject args, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!_operations.TryGetValue(method, out var op))
        {
            return [$"{method}: not a method in the Slack OpenAPI spec (no path /{method})"];
        }

        var problems = new List<string>();
        problems.AddRange(args.Select(kv => kv.Key)
            .Where(name => name != "token" && !op.Names.Contains(name))
            .Select(name => $"{method}: argument '{name}' is not a parameter of /{method} (known: {string.Join(", ", op.Names.Order(StringComparer.Ordinal))})"));
        problems.AddRange(op.Required.Where(name => !args.ContainsKey(name)).Select(name => $"{method}: required argument '{name}' missing"));

        // Slack ignores JSON bodies on methods that only take form encoding, so the arguments silently vanish.
        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && !op.Consumes.Contains("application/json"))
        {
            problems.Add($"{method}: sent as JSON, but the spec only accepts {string.Join(", ", op.Consumes)}");
        }

        return problems;
    }

    /// <summary>Problems across many calls, e.g. <c>emulator.Calls</c> after a scenario.</summary>
    public IReadOnlyList<string> CheckAll(IEnumerable<RecordedCall> calls) => [.. calls.SelectMany(Check)];

    private sealed record Operation(HashSet<string> Names, HashSet<string> Required, HashSet<string> Consumes);
}
