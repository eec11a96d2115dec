using System.Net;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Test]
    public async Task Live_ProcessUp_Returns200()
    {
        await using var app = new NormBotFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Metrics_AfterRequests_ReportsCountsAndDurationsByRoute()
    {
        await using var app = new NormBotFactory();
        using var client = app.CreateClient();
        await client.GetAsync("/health/live");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // Metrics are process-wide and other tests also ask for /health/live: at least this request is counted.
        Assert.That(text, Does.Match("""http_request_duration_seconds_count\{code="200",method="GET",endpoint="/health/live"\} [1-9]"""));
        Assert.That(text, Does.Match("""http_requests_received_total\{code="200",method="GET",endpoint="/health/live"\} [1-9]"""));
    }
}
