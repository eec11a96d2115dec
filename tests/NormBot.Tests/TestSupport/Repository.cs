namespace NormBot.Tests.TestSupport;

/// <summary>The clone the tests were built from (the folder holding NormBot.sln), for tests that read its source.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
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
}
