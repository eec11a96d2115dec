using System.Collections.Concurrent;
using System.Net;

namespace NormBot.Tests.TestSupport;

/// <summary>Stands in for an outside HTTP endpoint (a response_url) and keeps what was posted.</summary>
public sealed class RecordingHttpHandler : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Uri, string Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") };
    }
}
