using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NormBot.Slack.Api;

namespace NormBot.Slack.Installations;

/// <summary>
/// Which workspaces NormBot serves and with which token: those installed by OAuth (stored, encrypted) and the one of
/// <c>Slack:BotToken</c>, whose workspace auth.test names. Until auth.test has answered, the configured token stands in
/// for any workspace without a stored installation, so events that arrive first are not lost. A workspace whose token
/// Slack refused is paused: no call goes out for it but auth.test, which is how the probe finds that it works again.
/// </summary>
public sealed partial class InstallationDirectory(InstallationStore store, IOptions<SlackOptions> options, TimeProvider time, ILogger<InstallationDirectory> logger)
    : IWorkspaceTokens
{
    /// <summary>How health and logs name the configured token's workspace before auth.test has named it.</summary>
    public const string ConfiguredName = "(Slack:BotToken)";

    /// <summary>Another replica's install, pause or removal is seen within this long.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (Installation? Value, DateTimeOffset At)> _stored = new(StringComparer.Ordinal);
    private volatile Installation? _configured;
    private volatile string? _configuredError;
    private volatile bool _configuredRemoved;

    public bool HasConfiguredToken => options.Value.HasBotToken && !_configuredRemoved;

    /// <summary>The workspace of <c>Slack:BotToken</c> once auth.test has named it (its token stays in configuration).</summary>
    public Installation? Configured => HasConfiguredToken ? _configured : null;

    /// <summary>Why Slack refused <c>Slack:BotToken</c>, while it does.</summary>
    public string? ConfiguredError => HasConfiguredToken ? _configuredError : null;

    /// <summary>The installation serving a workspace, or null: events of such a workspace are acknowledged and ignored.</summary>
    public async Task<Installation?> FindAsync(string teamId, CancellationToken ct) => (await ResolveAsync(teamId, ct)).Installation;

    public async ValueTask<string> BotTokenAsync(string? teamId, CancellationToken ct) => Usable(await ResolveAsync(teamId, ct), evenIfPaused: false).BotToken;

    /// <summary>The token for auth.test, which alone may reach Slack while the workspace is paused.</summary>
    public async ValueTask<string> ProbeTokenAsync(string? teamId, CancellationToken ct) => Usable(await ResolveAsync(teamId, ct), evenIfPaused: true).BotToken;

    public async Task AuthFailedAsync(string? teamId, string slackError, CancellationToken ct)
    {
        var (installation, configured) = await ResolveAsync(teamId, ct);
        if (installation is null || installation.AuthError == slackError)
        {
            return;
        }

        if (configured)
        {
            _configuredError = slackError;
        }
        else
        {
            await store.SetAuthErrorAsync(installation.TeamId, slackError, time.GetUtcNow().ToUnixTimeMilliseconds(), ct);
            _stored.TryRemove(installation.TeamId, out _);
        }

        Log.Paused(logger, installation.TeamId is "" ? ConfiguredName : installation.TeamId, slackError);
    }

    /// <summary>auth.test passed with the workspace's token: it is served again.</summary>
    public async Task AuthPassedAsync(string? teamId, string botUserId, string resolvedTeamId, string? teamName, CancellationToken ct)
    {
        var (installation, configured) = await ResolveAsync(teamId, ct);
        if (configured)
        {
            _configured = new Installation(resolvedTeamId, teamName ?? "", botUserId, options.Value.BotToken!, "", null, 0);
            _configuredError = null;
        }
        else if (installation?.AuthError is not null)
        {
            await store.SetAuthErrorAsync(installation.TeamId, null, 0, ct);
            _stored.TryRemove(installation.TeamId, out _);
        }

        if (installation?.AuthError is not null)
        {
            Log.Resumed(logger, resolvedTeamId);
        }
    }

    /// <summary>Stores an OAuth installation; a reinstall replaces the token and ends any pause.</summary>
    public async Task SaveAsync(Installation installation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(installation);
        await store.SaveAsync(installation, ct);
        _stored.TryRemove(installation.TeamId, out _);
    }

    /// <summary>The app left the workspace (uninstalled, tokens revoked): nothing is called for it again.</summary>
    public async Task RemoveAsync(string teamId, CancellationToken ct)
    {
        var named = _configured;
        if (named?.TeamId == teamId || (named is null && await store.FindAsync(teamId, ct) is null))
        {
            _configuredRemoved = true;
        }

        await store.DeleteAsync(teamId, ct);
        _stored[teamId] = (null, time.GetUtcNow());
    }

    /// <summary>Paused workspaces and why; the configured one is named "(Slack:BotToken)" until auth.test names it.</summary>
    public async Task<IReadOnlyList<(string TeamId, string Error)>> PausedAsync(CancellationToken ct)
    {
        var paused = (await store.PausedAsync(ct)).ToList();
        if (ConfiguredError is { } error)
        {
            paused.Insert(0, (_configured?.TeamId ?? ConfiguredName, error));
        }

        return paused;
    }

    private static Installation Usable((Installation? Installation, bool Configured) resolved, bool evenIfPaused) => resolved.Installation switch
    {
        null => throw new SlackApiException("(any)", SlackErrors.NotInstalled),
        { IsPaused: true } when !evenIfPaused => throw new SlackApiException("(any)", SlackErrors.WorkspacePaused),
        var installation => installation,
    };

    private async Task<(Installation? Installation, bool Configured)> ResolveAsync(string? teamId, CancellationToken ct)
    {
        // One read: auth.test may name the configured workspace while this runs.
        var named = _configured;
        Installation? configured = HasConfiguredToken
            ? (named ?? new Installation(teamId ?? "", "", "", options.Value.BotToken!, "", null, 0)) with { AuthError = _configuredError }
            : null;

        // Start-up's auth.test (no workspace named), or the configured token's own workspace.
        if (teamId is null || (configured is not null && named?.TeamId == teamId))
        {
            return (configured, configured is not null);
        }

        if (await StoredAsync(teamId, ct) is { } stored)
        {
            return (stored, false);
        }

        // Until auth.test has named its workspace, the configured token stands in for any workspace not installed by OAuth.
        return named is null && configured is not null ? (configured, true) : (null, false);
    }

    private async Task<Installation?> StoredAsync(string teamId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_stored.TryGetValue(teamId, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Value;
        }

        var found = await store.FindAsync(teamId, ct);
        _stored[teamId] = (found, now);
        return found;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused the bot token of workspace {TeamId} ({Error}): sending to it is paused, queued messages are kept; reinstall the app (or fix Slack:BotToken) to resume")]
        public static partial void Paused(ILogger logger, string teamId, string error);

        [LoggerMessage(Level = LogLevel.Information, Message = "Slack accepts the bot token of workspace {TeamId} again; sending resumed")]
        public static partial void Resumed(ILogger logger, string teamId);
    }
}
