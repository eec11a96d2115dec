using System.Diagnostics;
using Prometheus;

namespace NormBot.Hosting;

/// <summary>
/// Requests and their durations by route, method and status, under prometheus-net's usual metric names.
/// prometheus-net's own HTTP middleware also labels MVC controllers and actions, and loading that support
/// cost this bot (which has no MVC) about 5 MB of resident memory and a middleware layer per request.
/// </summary>
public static class RequestMetrics
{
    private static readonly string[] Labels = ["code", "method", "endpoint"];

    private static readonly Counter Received = Metrics.CreateCounter(
        "http_requests_received_total", "HTTP requests answered, by status code, method and route.", Labels);

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "http_request_duration_seconds", "Time to answer an HTTP request, by status code, method and route.",
        new HistogramConfiguration { LabelNames = Labels, Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    // Status codes as label text without an allocation per request.
    private static readonly string[] Codes = Enumerable.Range(0, 600).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // WithLabels takes a params array: one allocation per request, saved by keeping the children (as bounded as the labels).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Code, string Method, string Route), (Counter.Child, Histogram.Child)> Children = new();

    /// <summary>Goes after UseRouting, so the matched route pattern is known.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Labels are bounded: the route pattern (never the raw path), a known method, a status code.
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            var status = context.Response.StatusCode;
            var code = status is >= 0 and < 600 ? Codes[status] : "other";
            var method = HttpMethods.IsGet(context.Request.Method) ? HttpMethods.Get
                : HttpMethods.IsPost(context.Request.Method) ? HttpMethods.Post
                : HttpMethods.IsHead(context.Request.Method) ? HttpMethods.Head
                : "other";
            var (received, duration) = Children.GetOrAdd((code, method, route), static key =>
                (Received.WithLabels(key.Code, key.Method, key.Route), Duration.WithLabels(key.Code, key.Method, key.Route)));
            received.Inc();
            duration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    });
}
