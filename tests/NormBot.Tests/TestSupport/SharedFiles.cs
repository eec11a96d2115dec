using System.Text.Json.Nodes;

namespace NormBot.Tests.TestSupport;

/// <summary>Finds <c>../shared</c> beside the repository (CI lays a copy there too).</summary>
public static class SharedFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => FindRepo();

    public static string SharedRoot => Root.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([SharedRoot, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Path(parts));

    public static JsonObject ReadJson(params string[] parts) => JsonNode.Parse(ReadText(parts))!.AsObject();

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NormBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NormBot.sln not found above the test output folder");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NormBot.sln")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : throw new DirectoryNotFoundException($"Expected shared/ beside the repository at {shared}");
            }
        }

        throw new DirectoryNotFoundException("NormBot.sln not found above the test output folder");
    }
}
