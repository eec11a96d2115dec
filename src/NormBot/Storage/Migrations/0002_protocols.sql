-- Protocol values as typed by leaders (canonical text). scope '*' is the workspace default, else a channel id.
CREATE TABLE protocol_settings (
    team_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    setting_key TEXT NOT NULL,
    setting_value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (team_id, scope, setting_key)
);

CREATE TABLE topic_routes (
    team_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    keywords TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, topic)
);

-- Every change to protocols, routes, leaders and digests: who, when, what, old and new.
CREATE TABLE protocol_audit (
    team_id TEXT NOT NULL,
    id TEXT NOT NULL,
    at BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,
    setting_key TEXT NOT NULL,
    scope TEXT NOT NULL,
    old_value TEXT NULL,
    new_value TEXT NULL,
    PRIMARY KEY (team_id, id)
);

CREATE INDEX ix_protocol_audit_at ON protocol_audit (team_id, at);

CREATE TABLE leaders (
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE user_snoozes (
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    snoozed_until BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
