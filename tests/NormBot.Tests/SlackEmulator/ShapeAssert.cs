using System.Text.Json.Nodes;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Checks the fields of emulator responses: the ones a client needs, and (with Slack's specs) that each exists in Slack's shape.</summary>
public static class ShapeAssert
{
    private static readonly Dictionary<string, JsonObject?> Shapes = [];

    // Client-authored content echoed back verbatim (and free-form state): Block Kit validity is not the emulator's shape.
    private static readonly HashSet<string> OpaqueFields = new(StringComparer.Ordinal) { "blocks", "attachments", "metadata", "state" };

    public static void HasFields(JsonObject actual, params string[] required)
    {
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Multiple(() =>
        {
            foreach (var field in required)
            {
                Assert.That(actual.ContainsKey(field), Is.True, $"response lacks '{field}': {actual.ToJsonString()}");
            }
        });
    }

    /// <summary>
    /// The fields of <paramref name="actual"/> that are not (recursively) in the SDK's union-of-all-fields shape in
    /// <c>web-api/shapes</c>; null when Slack's specs hold no shape for the method. Needs <see cref="SlackSpecsAttribute"/>.
    /// </summary>
    public static IReadOnlyList<string>? FieldsNotInSlackShape(string method, JsonObject actual)
    {
        JsonObject? shape;
        lock (Shapes)
        {
            if (!Shapes.TryGetValue(method, out shape))
            {
                var file = SlackSpecs.Path("web-api", "shapes", method + ".json");
                shape = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))!.AsObject() : null;
                Shapes[method] = shape;
            }
        }

        if (shape is null)
        {
            return null;
        }

        var unknown = new List<string>();
        Walk(actual, shape, method, unknown);
        return unknown;
    }

    private static void Walk(JsonNode? actual, JsonNode? shape, string path, List<string> unknown)
    {
        switch (actual, shape)
        {
            case (JsonObject a, JsonObject s):
                foreach (var (key, value) in a)
                {
                    if (!s.ContainsKey(key))
                    {
                        unknown.Add($"{path}.{key}");
                    }
                    else if (!OpaqueFields.Contains(key))
                    {
                        Walk(value, s[key], $"{path}.{key}", unknown);
                    }
                }

                break;
            case (JsonArray a, JsonArray { Count: > 0 } s):
                // Shapes list one variant per element type; match each actual element against any variant.
                foreach (var item in a)
                {
                    var best = s.Select(v => { var u = new List<string>(); Walk(item, v, path + "[]", u); return u; }).MinBy(u => u.Count)!;
                    unknown.AddRange(best);
                }

                break;
        }
    }
}
