using System.Text.Json.Nodes;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Checks emulator responses against the SDK's union-of-all-fields shapes in <c>web-api/shapes</c>.</summary>
public static class ShapeAssert
{
    private static readonly Dictionary<string, JsonObject> Cache = [];

    // Client-authored content echoed back verbatim (and free-form state): Block Kit validity is not the emulator's shape.
    private static readonly HashSet<string> OpaqueFields = new(StringComparer.Ordinal) { "blocks", "attachments", "metadata", "state" };

    /// <summary>Every field the emulator sent must exist (recursively) in Slack's shape, and the required ones must be present.</summary>
    public static void Conforms(string method, JsonObject actual, params string[] required)
    {
        JsonObject shape;
        lock (Cache)
        {
            if (!Cache.TryGetValue(method, out shape!))
            {
                shape = SharedFiles.ReadJson("slack", "web-api", "shapes", method + ".json");
                Cache[method] = shape;
            }
        }

        var unknown = new List<string>();
        Walk(actual, shape, method, unknown);
        Assert.Multiple(() =>
        {
            Assert.That(unknown, Is.Empty, $"fields not in web-api/shapes/{method}.json");
            foreach (var field in required)
            {
                Assert.That(actual.ContainsKey(field), Is.True, $"{method} response lacks '{field}': {actual.ToJsonString()}");
            }
        });
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
