using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NormBot.Slack.Api;

namespace NormBot.Slack.SocketMode;

/// <summary>
/// Keeps a Socket Mode connection to Slack open: rotates on <c>refresh_requested</c>/<c>warning</c> and before the
/// hello's <c>approximate_connection_time</c> (new socket first, then drain the old), reconnects with capped
/// exponential backoff after failures, and stops for good on <c>link_disabled</c>.
/// </summary>
public sealed partial class SocketModeClient(
    SlackClients slack,
    ISocketModeEnvelopeSink sink,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StableConnection = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, SocketModeConnection> _open = new();
    private readonly ConcurrentDictionary<int, Task> _retiring = new();
    private int _ids;

    /// <summary>True while at least one socket is open (for the health check).</summary>
    public bool IsConnected => _open.Values.Any(c => c.IsOpen);

    /// <summary>Open sockets; briefly 2 during a rotation.</summary>
    public int ConnectionCount => _open.Values.Count(c => c.IsOpen);

    /// <summary>Socket Mode has been switched off for the app (<c>link_disabled</c>); we no longer reconnect.</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>First reconnect delay; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UseSocketMode)
        {
            Log.NotEnabled(logger);
            return;
        }

        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SocketModeConnection next;
                try
                {
                    next = await ConnectAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // The old socket (if any) stays in service while we keep trying.
                    Log.ConnectFailed(logger, ex, ++failures);
                    await BackoffAsync(failures, stoppingToken);
                    continue;
                }

                Retire(current);
                current = next;
                var connectedAt = time.GetTimestamp();

                var reason = await current.Ended.WaitAsync(stoppingToken);
                switch (reason)
                {
                    case "refresh_requested" or "warning" or SocketModeConnection.Expiring:
                        // Keep `current` acking until the replacement is up; the loop retires it then.
                        failures = 0;
                        continue;
                    case "link_disabled":
                        Log.LinkDisabled(logger);
                        IsDisabled = true;
                        return;
                    default:
                        // closed, error, too_many_websockets or a reason we don't know: drop it and reconnect.
                        // A socket that dies right after hello counts as another failure, so a flapping link
                        // backs off instead of hammering apps.connections.open.
                        Retire(current);
                        current = null;
                        failures = time.GetElapsedTime(connectedAt) >= StableConnection ? 1 : failures + 1;
                        await BackoffAsync(failures, stoppingToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Retire(current);
            try
            {
                await Task.WhenAll(_retiring.Values).WaitAsync(DrainTimeout + TimeSpan.FromSeconds(5), time, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // Shutdown must finish; Slack redelivers anything left unacked.
            }
        }
    }

    private async Task<SocketModeConnection> ConnectAsync(CancellationToken ct)
    {
        // A fresh URL per connection: the ticket in it is single-use. The app-level token opens it; events from every
        // workspace then arrive on it, and each is answered with its own workspace's bot token.
        var url = await slack.ForConfiguredToken().OpenSocketConnectionAsync(ct);

        var connection = new SocketModeConnection(Interlocked.Increment(ref _ids), sink, time, logger);
        // Tracked before the hello so IsConnected is never behind an ack the socket has already sent.
        _open[connection.Id] = connection;
        try
        {
            await connection.ConnectAsync(url, ct);
        }
        catch
        {
            _open.TryRemove(connection.Id, out _);
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    private void Retire(SocketModeConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        _retiring[connection.Id] = RetireAsync(connection);
    }

    private async Task RetireAsync(SocketModeConnection connection)
    {
        await connection.RetireAsync(DrainTimeout);
        _open.TryRemove(connection.Id, out _);
        _retiring.TryRemove(connection.Id, out _);
    }

    private Task BackoffAsync(int failures, CancellationToken ct)
    {
        // Full exponential, then 50-100% jitter so several replicas don't reconnect in lockstep.
        var exponential = InitialBackoff * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = exponential < MaxBackoff ? exponential : MaxBackoff;
        var delay = capped * (0.5 + (Random.Shared.NextDouble() / 2));
        Log.Backoff(logger, delay.TotalSeconds, failures);
        return Task.Delay(delay, time, ct);
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Socket Mode is off (no Slack:AppToken); the Socket Mode client is idle")]
        public static partial void NotEnabled(ILogger logger);

        [LoggerMessage(LogLevel.Warning, "Socket Mode connect failed (attempt {Failures})")]
        public static partial void ConnectFailed(ILogger logger, Exception exception, int failures);

        [LoggerMessage(LogLevel.Error, "Socket Mode was disabled for this app (link_disabled); not reconnecting. Re-enable Socket Mode in the app config and restart.")]
        public static partial void LinkDisabled(ILogger logger);

        [LoggerMessage(LogLevel.Information, "Socket Mode reconnecting in {Seconds:0.0}s (consecutive failures {Failures})")]
        public static partial void Backoff(ILogger logger, double seconds, int failures);
    }
}
