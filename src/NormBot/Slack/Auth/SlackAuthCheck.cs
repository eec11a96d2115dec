using NormBot.Slack.Api;

namespace NormBot.Slack.Auth;

/// <summary>Calls <c>auth.test</c> at start (retrying with backoff) so readiness reflects a working token.</summary>
public sealed partial class SlackAuthCheck(ISlackApi slack, SlackConnectionState state, TimeProvider time, ILogger<SlackAuthCheck> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var auth = await slack.AuthTestAsync(stoppingToken);
                state.SetAuthenticated(auth.UserId, auth.TeamId);
                Log.Authenticated(logger, auth.UserId, auth.TeamId);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // SlackApiException carries only Slack's error code (invalid_auth ...), never the token.
                Log.Failed(logger, ex.GetType().Name, (ex as SlackApiException)?.Error ?? ex.Message, backoff.TotalSeconds);
            }

            await Task.Delay(backoff, time, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Slack auth.test passed: bot user {BotUserId} in team {TeamId}")]
        public static partial void Authenticated(ILogger logger, string botUserId, string teamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Slack auth.test failed ({Kind}: {Error}); retrying in {Seconds}s")]
        public static partial void Failed(ILogger logger, string kind, string error, double seconds);
    }
}
