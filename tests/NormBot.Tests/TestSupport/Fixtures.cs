using System.Text.Json.Nodes;

namespace NormBot.Tests.TestSupport;

/// <summary>
/// The project's own Slack payloads and answers (tests/NormBot.Tests/Fixtures), written from Slack's documentation for
/// a fictional workspace; see the README there.
/// </summary>
public static class Fixtures
{
    public static string ReadText(params string[] parts) =>
        File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]));

    public static JsonObject ReadJson(params string[] parts) => JsonNode.Parse(ReadText(parts))!.AsObject();
}
