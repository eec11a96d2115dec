-- Workspaces installed by OAuth (PRODUCT §15), one row each; a reinstall replaces the row. bot_token holds AES-256-GCM
-- ciphertext (Slack/Installations/TokenCipher.cs), never the token. auth_error is set while Slack refuses the token:
-- everything NormBot would send to that workspace waits.
CREATE TABLE slack_installations (
    team_id TEXT NOT NULL,
    team_name TEXT NOT NULL,
    bot_user_id TEXT NOT NULL,
    bot_token TEXT NOT NULL,
    scopes TEXT NOT NULL,
    installed_by TEXT NULL,
    installed_at BIGINT NOT NULL,
    auth_error TEXT NULL,
    auth_error_at BIGINT NULL,
    PRIMARY KEY (team_id)
);

-- OAuth states between /slack/install and /slack/oauth_redirect: single-use, ten minutes. team_id is always '':
-- no workspace is known until Slack answers the code exchange; the column keeps the key shape every table has.
CREATE TABLE slack_oauth_states (
    team_id TEXT NOT NULL,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, state)
);
