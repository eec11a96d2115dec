using NormBot.Slack.Api;

namespace NormBot.Slack.Installations;

/// <summary>
/// auth.test for the tokens NormBot holds: at start for <c>Slack:BotToken</c> (which names its workspace and bot user),
/// then every <see cref="PausedProbeInterval"/> for paused workspaces, so one Slack refuses no longer resumes by itself.
/// Tokens under a rotated-out encryption key are re-encrypted first.
/// </summary>
public sealed partial class InstallationProbe(
    SlackClients clients, InstallationDirectory installations, InstallationStore store, TokenCipher cipher, TimeProvider time, ILogger<InstallationProbe> logger)
    : BackgroundService
{
    public static readonly TimeSpan PausedProbeInterval = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cipher.IsConfigured && await store.RotateAsync(stoppingToken) is > 0 and var rotated)
        {
            Log.Rotated(logger, rotated);
        }

        if (installations.HasConfiguredToken)
        {
            await FirstAuthTestAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(PausedProbeInterval, time, stoppingToken);
            if (installations.ConfiguredError is not null)
            {
                await ProbeAsync(null, stoppingToken);
            }

            foreach (var (teamId, _) in await store.PausedAsync(stoppingToken))
            {
                await ProbeAsync(teamId, stoppingToken);
            }
        }
    }

    /// <summary>Retries with backoff until Slack answers either way; a refusal has paused the token by then.</summary>
    private async Task FirstAuthTestAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested && await ProbeAsync(null, ct) is SlackErrorKind.Retryable or SlackErrorKind.MayHaveLanded)
        {
            await Task.Delay(backoff, time, ct);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <summary>Returns null when the token works, else what kind of failure it met.</summary>
    private async Task<SlackErrorKind?> ProbeAsync(string? teamId, CancellationToken ct)
    {
        try
        {
            var auth = await (teamId is null ? clients.ForConfiguredToken() : clients.For(teamId)).AuthTestAsync(ct);
            await installations.AuthPassedAsync(teamId, auth.UserId, auth.TeamId, auth.Team, ct);
            Log.Authenticated(logger, auth.UserId, auth.TeamId);
            return null;
        }
        catch (SlackApiException ex)
        {
            // The exception carries only Slack's error code (invalid_auth ...), never the token.
            Log.Failed(logger, teamId ?? InstallationDirectory.ConfiguredName, ex.Error);
            return ex.Kind;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Slack auth.test passed: bot user {BotUserId} in team {TeamId}")]
        public static partial void Authenticated(ILogger logger, string botUserId, string teamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Slack auth.test for {TeamId} failed ({Error})")]
        public static partial void Failed(ILogger logger, string teamId, string error);

        [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Count} installed bot tokens with the current Slack:TokenEncryptionKey")]
        public static partial void Rotated(ILogger logger, int count);
    }
}
