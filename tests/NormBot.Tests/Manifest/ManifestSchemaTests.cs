using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NormBot.Manifest;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Manifest;

/// <summary>The printed manifest against Slack's published manifest JSON Schema (v1, the version it declares).</summary>
public sealed class ManifestSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(SlackSpecs.ReadText("manifest", "schema", "manifest.schema.1.0.0.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 }));

    [TestCase(null)]
    [TestCase("https://bot.example.com")]
    [SlackSpecs]
    public void PrintedManifest_ValidAgainstSlackSchema(string? host)
    {
        var json = Print(host);

        var result = Evaluate(json);

        Assert.That(result.IsValid, Is.True, string.Join("\n", Errors(result)));
    }

    // Proves the validator is really checking: manifest-schema's own fixtures pass and fail as their names say.
    [TestCase("manifest-schema.v1.valid.json", true)]
    [TestCase("manifest-schema.v1.invalid.json", false)]
    [TestCase("node-sdk.socket-mode-app.manifest.json", true)]
    [SlackSpecs]
    public void Schema_SlacksOwnExamples_ValidAsNamed(string file, bool valid)
    {
        var example = SlackSpecs.ReadJson("manifest", "examples", file);

        Assert.That(Evaluate(example).IsValid, Is.EqualTo(valid));
    }

    [Test]
    public void PrintedManifest_HasSchemaRequiredFields()
    {
        // A hand check of what Slack requires, independent of the validator.
        var json = Print(null);

        Assert.Multiple(() =>
        {
            Assert.That(json["display_information"]!["name"]!.GetValue<string>(), Has.Length.InRange(1, 35));
            Assert.That(json["features"]!["bot_user"]!["display_name"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(json["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(json["features"]!["slash_commands"]![0]!["command"]!.GetValue<string>(), Does.StartWith("/"));
            Assert.That(json["_metadata"]!["major_version"]!.GetValue<long>(), Is.EqualTo(1));
        });
    }

    private static JsonObject Print(string? host)
    {
        using var output = new StringWriter();
        var args = host is null ? new[] { "manifest" } : ["manifest", "--http", host];
        Assert.That(ManifestCommand.Run(args, output, TextWriter.Null), Is.Zero);
        return ManifestYaml.ToJson(output.ToString());
    }

    private static EvaluationResults Evaluate(JsonObject json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"));
}
