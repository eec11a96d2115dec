namespace NormBot.Hosting;

/// <summary>The container's HEALTHCHECK: the runtime image has no curl, so the app probes itself.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.SkipWhile(a => a != "healthcheck").Skip(1).FirstOrDefault() ?? DefaultUrl();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            Console.WriteLine($"{url} {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url} unreachable: {ex.Message}");
            return 1;
        }
    }

    private static string DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = string.IsNullOrWhiteSpace(ports) ? "8080" : ports.Split(';', ',')[0].Trim();
        return $"http://127.0.0.1:{port}/health/live";
    }
}
