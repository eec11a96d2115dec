using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NormBot.SlackEmulator;

/// <summary>Socket Mode server side: tickets, hello, envelope delivery (one socket per envelope) and acks.</summary>
internal sealed class SocketHub(SlackEmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, byte> _tickets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<SocketConnection> _connections = [];
    private readonly AckTracker _acks = new();
    private int _next;

    public Uri? BaseUri { get; set; }

    /// <summary>Connections Slack would deliver to: open, and not told to disconnect.</summary>
    public int ConnectionCount { get { lock (_gate) { return _connections.Count(c => !c.Disconnecting); } } }

    public IReadOnlyList<SocketAck> Acks => _acks.Snapshot();

    /// <summary>Every apps.connections.open call gets its own single-use ticket, as Slack's URLs are one-shot.</summary>
    public string IssueUrl()
    {
        var ticket = Guid.NewGuid().ToString();
        _tickets[ticket] = 0;
        return $"ws://{BaseUri!.Authority}/socket?ticket={ticket}&app_id={options.AppId}";
    }

    public async Task AcceptAsync(HttpContext context, CancellationToken stopping)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(ticket, out _))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var connection = new SocketConnection(await context.WebSockets.AcceptWebSocketAsync());
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        await connection.SendAsync(Frames.Hello(ConnectionCount + 1, options.AppId).ToJsonString(), linked.Token);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        try
        {
            await connection.ReceiveLoopAsync(_acks.OnFrame, linked.Token);
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(connection);
            }
        }
    }

    public async Task<SocketAck> SendEnvelopeAsync(JsonObject envelope, TimeSpan ackTimeout)
    {
        var envelopeId = (string)envelope["envelope_id"]!;
        var connection = PickConnection();
        var done = _acks.Expect(envelopeId);
        try
        {
            await connection.SendAsync(envelope.ToJsonString(), CancellationToken.None);
            return await done.WaitAsync(ackTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No ack for {envelope["type"]} envelope {envelopeId} within {ackTimeout}");
        }
        finally
        {
            _acks.Forget(envelopeId);
        }
    }

    public async Task SendDisconnectAsync(string reason)
    {
        var frame = Frames.Disconnect(reason).ToJsonString();
        var targets = Snapshot();

        // Slack sends a socket it has told to disconnect no new envelopes: they go to the client's replacement.
        targets.ForEach(c => c.Disconnecting = true);
        await Task.WhenAll(targets.Select(c => c.SendAsync(frame, CancellationToken.None)));

        // Slack closes a "warning" socket some seconds later, giving the client time to open a replacement.
        var grace = reason == "warning" ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(100);
        _ = Task.Run(async () =>
        {
            await Task.Delay(grace);
            await Task.WhenAll(targets.Select(c => c.CloseAsync(reason)));

            // A client that never answers the close handshake would otherwise keep counting as connected.
            await Task.Delay(TimeSpan.FromSeconds(2));
            targets.ForEach(c => c.Abort());
        });
    }

    public void DropAll() => Snapshot().ForEach(c => c.Abort());

    public async Task WaitForConnectionsAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (ConnectionCount < count)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Expected {count} Socket Mode connection(s) within {timeout}, have {ConnectionCount}");
            }

            // Polling keeps this simple; connection changes are rare and tests tolerate 10 ms of latency.
            await Task.Delay(10);
        }
    }

    private List<SocketConnection> Snapshot()
    {
        lock (_gate)
        {
            return [.. _connections];
        }
    }

    private SocketConnection PickConnection()
    {
        lock (_gate)
        {
            var open = _connections.Where(c => c.IsOpen && !c.Disconnecting).ToList();
            return open.Count == 0
                ? throw new InvalidOperationException("No Socket Mode client is connected")
                : open[(int)((uint)_next++ % (uint)open.Count)];
        }
    }
}
