namespace NormBot.SlackEmulator;

/// <summary>The emulated workspaces and their method tables; a bot token decides which workspace a call acts on.</summary>
internal sealed class WorkspaceRegistry(SlackEmulatorOptions options, SocketHub sockets)
{
    private readonly Lock _gate = new();
    private readonly List<(SlackWorkspace Workspace, WebApiMethods Methods)> _all = [];
    private readonly HashSet<string> _retired = new(StringComparer.Ordinal);

    public SlackWorkspace Primary { get { lock (_gate) { return _all[0].Workspace; } } }

    /// <summary>Every workspace has the same methods; the first one's table says which exist, before a token picks one.</summary>
    public WebApiMethods Methods { get { lock (_gate) { return _all[0].Methods; } } }

    public IReadOnlyList<SlackWorkspace> All { get { lock (_gate) { return [.. _all.Select(w => w.Workspace)]; } } }

    public SlackWorkspace Add(string teamId, string teamName, string botToken, string botUserId, string botId)
    {
        var workspace = new SlackWorkspace(options, teamId, teamName, botToken, botUserId, botId);
        lock (_gate)
        {
            if (_all.Any(w => w.Workspace.TeamId == teamId))
            {
                throw new InvalidOperationException($"Workspace {teamId} already exists");
            }

            _all.Add((workspace, new WebApiMethods(workspace, sockets)));
        }

        return workspace;
    }

    public SlackWorkspace? Find(string teamId) { lock (_gate) { return _all.Find(w => w.Workspace.TeamId == teamId).Workspace; } }

    /// <summary>A token an OAuth reinstall replaced: Slack answers <c>token_revoked</c> for it from then on.</summary>
    public void Retire(string token) { lock (_gate) { _retired.Add(token); } }

    /// <summary>The method table to answer with, or Slack's auth error for the token presented.</summary>
    public (WebApiMethods? Methods, string? Error) ForToken(string? token, bool needsAppToken)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(token))
            {
                return (null, "not_authed");
            }

            if (token == options.AppToken)
            {
                return needsAppToken ? (_all[0].Methods, null) : (null, "not_allowed_token_type");
            }

            var (workspace, methods) = _all.Find(w => w.Workspace.BotToken == token);
            return workspace switch
            {
                { TokenRevoked: true } => (null, "token_revoked"),
                not null => needsAppToken ? (null, "not_allowed_token_type") : (methods, null),
                null when _retired.Contains(token) => (null, "token_revoked"),
                _ => (null, "invalid_auth"),
            };
        }
    }
}
