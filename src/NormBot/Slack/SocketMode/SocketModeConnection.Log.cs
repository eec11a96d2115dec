namespace NormBot.Slack.SocketMode;

// Envelope ids and types only: payloads carry user messages and must never reach the logs.
internal sealed partial class SocketModeConnection
{
    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Socket Mode connection {Connection} ready (rotation expected in ~{Seconds}s)")]
        public static partial void Connected(ILogger logger, int connection, double seconds);

        [LoggerMessage(LogLevel.Information, "Socket Mode connection {Connection} got disconnect {Reason}")]
        public static partial void Disconnect(ILogger logger, int connection, string reason);

        [LoggerMessage(LogLevel.Information, "Socket Mode connection {Connection} closed by Slack ({Status})")]
        public static partial void ClosedByPeer(ILogger logger, int connection, string status);

        [LoggerMessage(LogLevel.Warning, "Socket Mode connection {Connection} receive failed: {Error}")]
        public static partial void ReceiveFailed(ILogger logger, int connection, string error);

        [LoggerMessage(LogLevel.Debug, "Socket Mode connection {Connection} ignored a {Type} frame")]
        public static partial void Ignored(ILogger logger, int connection, string type);

        [LoggerMessage(LogLevel.Debug, "Socket Mode connection {Connection} acked {EnvelopeId} ({Type})")]
        public static partial void Acked(ILogger logger, int connection, string envelopeId, string type);

        [LoggerMessage(LogLevel.Error, "Socket Mode connection {Connection} did not ack {EnvelopeId} ({Type}); Slack will redeliver")]
        public static partial void AckFailed(ILogger logger, Exception exception, int connection, string envelopeId, string type);

        [LoggerMessage(LogLevel.Debug, "Socket Mode connection {Connection} closed uncleanly: {Error}")]
        public static partial void RetireFailed(ILogger logger, int connection, string error);
    }
}
